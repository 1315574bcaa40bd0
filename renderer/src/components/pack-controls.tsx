// What can be done with a pack: print it, download it as PDF or Word, issue it, delete a draft.
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useNavigate } from 'react-router';
import type { Pack, PackDocument, PackFile } from '../../../shared/contract-packs';
import { formatLongDate } from '../../../shared/dates';
import { useClient, useContractMutation } from '../client/hooks';
import { FormDialog, RemoveDialog } from './FormDialog';
import { chartImages, saveFile } from './pack-files';
import { ErrorNotice } from './Page';
import { useReadOnly } from './read-only';

/**
 * Opens the print view in a window of its own, which opens the print dialog once the pack has
 * drawn. Where no new window may open (the desktop app allows none), this window shows the print
 * view, prints, and comes back.
 */
function printPack(packId: string, navigate: (to: string) => void): void {
  const route = `/print/packs/${encodeURIComponent(packId)}`;
  const opened = window.open(`${window.location.pathname}${window.location.search}#${route}?print=true`, '_blank', 'popup,width=900,height=1000');
  if (!opened) navigate(`${route}?print=true&back=true`);
}

type Making = 'pdf' | 'docx' | null;

export function PackControls({ pack, document }: { pack: Pack; document: PackDocument | undefined }) {
  const client = useClient();
  const navigate = useNavigate();
  const readOnly = useReadOnly();
  const [making, setMaking] = useState<Making>(null);
  const [done, setDone] = useState('');
  const [failed, setFailed] = useState<Error | null>(null);
  // Issuing freezes the pack before it prints it; until its PDF is kept the pack is half issued,
  // and the dialog stays open (the pack shows as issued meanwhile) until the printing is done.
  const issue = useContractMutation('packs.issue');
  const printing = pack.status === 'issued' && !pack.hasPdf;

  const download = async (kind: 'pdf' | 'docx') => {
    setMaking(kind);
    setDone('');
    setFailed(null);
    try {
      let file: PackFile;
      if (kind === 'pdf') file = await client.call('packs.pdf', { packId: pack.id });
      else {
        const fresh = document ?? (await client.call('packs.document', { packId: pack.id }));
        file = await client.call('packs.docx', { packId: pack.id, charts: chartImages(fresh) });
      }
      saveFile(file);
      setDone(`Downloaded “${file.fileName}”.`);
    } catch (error) {
      setFailed(error instanceof Error ? error : new Error(String(error)));
    } finally {
      setMaking(null);
    }
  };

  return (
    <div className="pack-controls">
      <div className="page-actions">
        <Button className="button" onPress={() => printPack(pack.id, (to) => void navigate(to))}>
          Print
        </Button>
        <Button className="button" isDisabled={making !== null || printing} onPress={() => void download('pdf')}>
          {making === 'pdf' ? 'Making the PDF…' : 'Download PDF'}
        </Button>
        <Button className="button" isDisabled={making !== null || printing} onPress={() => void download('docx')}>
          {making === 'docx' ? 'Making the Word file…' : 'Download Word'}
        </Button>
        {(pack.status === 'draft' || issue.isPending) && !readOnly ? <IssuePack pack={pack} issue={issue} /> : null}
        {pack.status === 'draft' && !readOnly ? <DeletePack pack={pack} /> : null}
      </div>
      <p role="status" className="pack-controls-status">
        {printing ? 'The pack is being printed for its issue…' : making === 'pdf' ? 'Printing the pack to PDF…' : making === 'docx' ? 'Making the Word file…' : done}
      </p>
      {failed ? <ErrorNotice error={failed} title="The file could not be made" /> : null}
    </div>
  );
}

function IssuePack({ pack, issue }: { pack: Pack; issue: ReturnType<typeof useContractMutation<'packs.issue'>> }) {
  const meeting = pack.committeeName && pack.meetingDate ? `the ${pack.committeeName} on ${formatLongDate(pack.meetingDate)}` : 'its meeting';
  return (
    <FormDialog
      trigger="Issue…"
      triggerLabel="Issue the pack"
      triggerClassName="button button-primary"
      title="Issue this pack to the meeting?"
      submitLabel={issue.isPending ? 'Issuing…' : 'Issue the pack'}
      mutation={issue}
      onSubmit={(_form, close) => issue.mutate({ packId: pack.id }, { onSuccess: close })}
    >
      <p>Issuing records “{pack.title}” as the pack that went to {meeting}:</p>
      <ul>
        <li>its PDF and the figures it shows are kept exactly as they are now, and listed in the plan’s history;</li>
        <li>later changes to the plan never change it;</li>
        <li>it can no longer be edited or deleted, only printed and downloaded.</li>
      </ul>
      <p>Check the preview first. Issuing prints the pack, which takes a few seconds.</p>
      {issue.isPending ? <p role="status">Printing and issuing the pack…</p> : null}
    </FormDialog>
  );
}

function DeletePack({ pack }: { pack: Pack }) {
  const remove = useContractMutation('packs.delete');
  const navigate = useNavigate();
  return (
    <RemoveDialog
      verb="Delete"
      what={`the draft pack “${pack.title}”`}
      submitLabel="Delete the draft"
      mutation={remove}
      onRemove={(close) =>
        remove.mutate(
          { packId: pack.id },
          {
            onSuccess: () => {
              close();
              void navigate(`/plans/${pack.planId}/packs`);
            },
          },
        )
      }
    >
      <p>The draft and what was written in it go. Its deletion is kept in the plan’s history.</p>
    </RemoveDialog>
  );
}
