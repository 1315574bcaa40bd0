import { useState, type ChangeEvent } from 'react';
import { Button, FieldError, Input, Label, Text, TextArea, TextField } from 'react-aria-components';
import type { ActionDetail, Evidence } from '../../../shared/contract-actions';
import { formatLongDate, londonDate } from '../../../shared/dates';
import { describeFileSize, EVIDENCE_FILE_MAX_BYTES, EVIDENCE_KIND_LABELS, evidenceFileTooLarge } from '../../../shared/vocabulary';
import { ContractError } from '../client/client';
import { useClient, useContractMutation } from '../client/hooks';
import { base64Bytes, readAsBase64, saveBlob } from './files';
import { FormDialog, RemoveDialog } from './FormDialog';

function AddLink({ action }: { action: ActionDetail }) {
  const add = useContractMutation('evidence.addLink');
  return (
    <FormDialog
      trigger="Add a link"
      title={`Add a link as evidence for action ${action.reference}`}
      submitLabel="Add the link"
      mutation={add}
      onSubmit={(form, close) =>
        add.mutate(
          { actionId: action.id, title: String(form.get('title') ?? ''), url: String(form.get('url') ?? '').trim() },
          { onSuccess: close },
        )
      }
    >
      <TextField name="title" className="field" isRequired>
        <Label>Title</Label>
        <Input />
        <FieldError className="field-error" />
      </TextField>
      <TextField name="url" type="url" className="field" isRequired>
        <Label>Web address</Label>
        <Text slot="description">Where the document is kept, starting with https://</Text>
        <Input />
        <FieldError className="field-error" />
      </TextField>
    </FormDialog>
  );
}

function AddNote({ action }: { action: ActionDetail }) {
  const add = useContractMutation('evidence.addNote');
  return (
    <FormDialog
      trigger="Add a note"
      title={`Add a note as evidence for action ${action.reference}`}
      submitLabel="Add the note"
      mutation={add}
      onSubmit={(form, close) =>
        add.mutate({ actionId: action.id, title: String(form.get('title') ?? ''), note: String(form.get('note') ?? '') }, { onSuccess: close })
      }
    >
      <TextField name="title" className="field" isRequired>
        <Label>Title</Label>
        <Input />
        <FieldError className="field-error" />
      </TextField>
      <TextField name="note" className="field" isRequired>
        <Label>Note</Label>
        <TextArea rows={5} />
        <FieldError className="field-error" />
      </TextField>
    </FormDialog>
  );
}

function AttachFile({ action }: { action: ActionDetail }) {
  const add = useContractMutation('evidence.addFile');
  const [problem, setProblem] = useState<string | null>(null);
  const inputId = `evidence-file-${action.id}`;

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const input = event.target;
    const file = input.files?.[0];
    setProblem(null);
    add.reset();
    if (!file) return;
    // The services refuse the same with the same words; checking first spares sending 20 MB to be told.
    if (file.size > EVIDENCE_FILE_MAX_BYTES) {
      setProblem(evidenceFileTooLarge(file.name, file.size));
      input.value = '';
      return;
    }
    try {
      const contentBase64 = await readAsBase64(file);
      add.mutate({ actionId: action.id, fileName: file.name, mediaType: file.type || 'application/octet-stream', contentBase64 });
    } catch (error) {
      setProblem((error as Error).message);
    }
    input.value = '';
  }

  const refusal = add.error instanceof ContractError ? (add.error.fieldMessage('contentBase64') ?? add.error.message) : add.error?.message;
  const message = problem ?? refusal ?? null;
  return (
    <div className="attach-file">
      <label className="file-label" htmlFor={inputId}>
        Attach a file
      </label>
      <p className="muted small" id={`${inputId}-hint`}>
        Up to {describeFileSize(EVIDENCE_FILE_MAX_BYTES)}. The file is kept in the plan’s database, once however many actions cite it.
      </p>
      <input
        id={inputId}
        type="file"
        aria-describedby={`${inputId}-hint`}
        aria-invalid={message ? true : undefined}
        disabled={add.isPending}
        onChange={(event) => void choose(event)}
      />
      {add.isPending ? (
        <p role="status" className="muted">
          Attaching…
        </p>
      ) : null}
      {message ? (
        <div className="notice notice-error" role="alert">
          <p>{message}</p>
        </div>
      ) : null}
      {add.isSuccess ? (
        <p role="status" className="notice">
          Attached “{add.data.title}”.
        </p>
      ) : null}
    </div>
  );
}

function SaveFile({ item }: { item: Evidence & { file: NonNullable<Evidence['file']> } }) {
  const client = useClient();
  const [problem, setProblem] = useState<string | null>(null);
  async function save() {
    setProblem(null);
    try {
      const stored = await client.call('attachments.get', { hash: item.file.hash });
      saveBlob(new Blob([base64Bytes(stored.contentBase64)], { type: stored.mediaType }), item.file.fileName);
    } catch (error) {
      setProblem((error as Error).message);
    }
  }
  return (
    <>
      <Button className="button button-small" aria-label={`Open or save ${item.file.fileName}`} onPress={() => void save()}>
        Open or save
      </Button>
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
    </>
  );
}

function RemoveEvidence({ item }: { item: Evidence }) {
  const remove = useContractMutation('evidence.remove');
  return (
    <RemoveDialog
      what={`the evidence: ${item.title}`}
      submitLabel="Remove the evidence"
      mutation={remove}
      onRemove={(close) => remove.mutate({ evidenceId: item.id }, { onSuccess: close })}
    >
      <p>The evidence leaves the action. Its removal is kept in the plan’s history{item.file ? ', and the file itself stays stored' : ''}.</p>
    </RemoveDialog>
  );
}

function EvidenceItem({ item }: { item: Evidence }) {
  const added = `Added ${formatLongDate(londonDate(new Date(item.addedAt)))} by ${item.addedBy}.`;
  return (
    <li className="evidence">
      <div>
        <span className="tag tag-kind">{EVIDENCE_KIND_LABELS[item.kind]}</span>{' '}
        {item.url ? (
          <a href={item.url} target="_blank" rel="noreferrer">
            {item.title}
          </a>
        ) : (
          <strong>{item.title}</strong>
        )}
        {item.note ? <p className="prose">{item.note}</p> : null}
        {item.file ? (
          <p className="small">
            {item.file.fileName}, {describeFileSize(item.file.size)}, {item.file.mediaType}
          </p>
        ) : null}
        <p className="muted small">{added}</p>
      </div>
      <div className="row-actions">
        {item.file ? <SaveFile item={{ ...item, file: item.file }} /> : null}
        <RemoveEvidence item={item} />
      </div>
    </li>
  );
}

export function ActionEvidenceSection({ action }: { action: ActionDetail }) {
  return (
    <section aria-labelledby="action-evidence">
      <div className="section-header">
        <h2 id="action-evidence">Evidence</h2>
        <div className="row-actions">
          <AddLink action={action} />
          <AddNote action={action} />
        </div>
      </div>
      {action.evidence.length === 0 ? (
        <p>No evidence yet.</p>
      ) : (
        <ul className="plain-list evidence-list" aria-label={`Evidence for action ${action.reference}`}>
          {action.evidence.map((item) => (
            <EvidenceItem key={item.id} item={item} />
          ))}
        </ul>
      )}
      <AttachFile action={action} />
    </section>
  );
}
