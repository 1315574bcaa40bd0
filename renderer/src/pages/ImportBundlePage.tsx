// Bringing a bundle in: a plan new to this computer, or the updates a theme lead sends back.
// The file is sent to the services, checked end to end, and previewed; conflicts are decided
// side by side; then it is applied behind a backup, in one go or not at all.
import { useEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { Button } from 'react-aria-components';
import { Link } from 'react-router';
import type { BundleInspection } from '../../../shared/contract-bundles';
import { BUNDLE_MAX_BYTES, CLASSIFICATION_LABELS, describeFileSize } from '../../../shared/vocabulary';
import { ContractError } from '../client/client';
import { useClient, useContractMutation } from '../client/hooks';
import { BundleChanges, ConflictCard, describeInstant, PassphraseField, type Side } from '../components/bundle-parts';
import { sendBundle } from '../components/bundle-transfer';
import { ErrorNotice, Page } from '../components/Page';


type Stage =
  | { kind: 'choosing' }
  | { kind: 'sending'; fileName: string; sent: number; size: number }
  | { kind: 'checking'; fileName: string; transferId: string }
  | { kind: 'needs-passphrase'; fileName: string; transferId: string; wrong: boolean }
  | { kind: 'preview'; fileName: string; transferId: string; inspection: BundleInspection; passphrase: string | null }
  | { kind: 'refused'; fileName: string; error: Error };

function problemOf(error: unknown): string | undefined {
  return error instanceof ContractError ? (error.body.details as { problem?: string }).problem : undefined;
}

function signerName(inspection: BundleInspection): string {
  if (inspection.signer.trust === 'this-installation') return 'this computer';
  return inspection.signer.label ?? inspection.createdBy;
}

function Signer({ inspection }: { inspection: BundleInspection }) {
  const { signer } = inspection;
  return (
    <div className={signer.trust === 'unknown' ? 'notice notice-warning' : 'notice'}>
      <p>
        Made by <strong>{inspection.createdBy}</strong> on {describeInstant(inspection.createdAt)} with Getting to Good {inspection.appVersion}, and signed with the key{' '}
        <code className="fingerprint">{signer.fingerprint}</code>.
      </p>
      <p>
        {signer.trust === 'this-installation'
          ? 'That is this computer’s own key.'
          : signer.trust === 'trusted'
            ? `You trust that key, as “${signer.label}”.`
            : 'You have not trusted that key before. Check the fingerprint with the sender by phone before you import.'}
      </p>
    </div>
  );
}

function Preview({
  stage,
  onStartOver,
}: {
  stage: Extract<Stage, { kind: 'preview' }>;
  onStartOver: () => void;
}) {
  const { inspection } = stage;
  const apply = useContractMutation('bundles.apply');
  const [choices, setChoices] = useState<Record<string, Side>>({});
  const [trust, setTrust] = useState(false);
  const [trustLabel, setTrustLabel] = useState(inspection.createdBy);
  const [missing, setMissing] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [inspection.transferId]);
  const result = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (apply.isSuccess) result.current?.focus();
  }, [apply.isSuccess]);

  function chooseAll(side: Side) {
    setChoices(Object.fromEntries(inspection.conflicts.map((conflict) => [conflict.id, side])));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const undecided = inspection.conflicts.filter((conflict) => !choices[conflict.id]);
    if (undecided.length > 0) {
      setMissing(`${undecided.length === 1 ? 'One record changed' : `${undecided.length} records changed`} on both sides ${undecided.length === 1 ? 'needs' : 'need'} a choice before importing.`);
      document.getElementById(`conflict-${undecided[0]!.id}`)?.focus();
      return;
    }
    setMissing(null);
    apply.mutate({
      transferId: stage.transferId,
      passphrase: stage.passphrase,
      resolutions: choices,
      trustSignerAs: trust && inspection.signer.trust === 'unknown' ? trustLabel.trim() || inspection.createdBy : null,
    });
  }

  if (apply.data) {
    return (
      <div className="notice" role="status" tabIndex={-1} ref={result}>
        <h2>Imported</h2>
        <p>
          {apply.data.added.toLocaleString('en-GB')} new, {apply.data.changed.toLocaleString('en-GB')} changed and {apply.data.deleted.toLocaleString('en-GB')} deleted records. A
          copy of the database as it was before is kept at <code>{apply.data.backupFile}</code>.
        </p>
        <p>
          <Link to={`/plans/${apply.data.planId}`}>Open the plan</Link>
        </p>
      </div>
    );
  }

  return (
    <section aria-labelledby="bundle-preview-heading" className="bundle-step">
      <h2 id="bundle-preview-heading" tabIndex={-1} ref={heading}>
        {inspection.planIsNew ? 'A plan new to this computer' : 'Updates to a plan already here'}: {inspection.planTitle}
      </h2>
      <dl className="bundle-facts">
        <dt>Council</dt>
        <dd>{inspection.authority}</dd>
        <dt>What it holds</dt>
        <dd>{inspection.themeTitle ? `The theme “${inspection.themeTitle}”, with the plan around it` : 'The whole plan'}</dd>
        <dt>Marking</dt>
        <dd>{CLASSIFICATION_LABELS[inspection.classification]}</dd>
        <dt>Evidence files</dt>
        <dd>
          {inspection.attachments.added === 0
            ? 'None new'
            : `${inspection.attachments.added.toLocaleString('en-GB')} new (${describeFileSize(inspection.attachments.bytes)})`}
        </dd>
      </dl>
      <Signer inspection={inspection} />
      <BundleChanges inspection={inspection} />
      <form onSubmit={submit} noValidate>
        {inspection.conflicts.length > 0 ? (
          <section aria-labelledby="bundle-conflicts-heading">
            <h3 id="bundle-conflicts-heading">
              {inspection.conflicts.length === 1 ? 'One record was' : `${inspection.conflicts.length} records were`} changed both here and in the bundle
            </h3>
            <p>Choose which version to keep for each. Everything else merges on its own.</p>
            <div className="form-actions">
              <Button className="button" onPress={() => chooseAll('here')}>
                Keep every version here
              </Button>
              <Button className="button" onPress={() => chooseAll('incoming')}>
                Take every version in the bundle
              </Button>
            </div>
            {inspection.conflicts.map((conflict) => (
              <ConflictCard
                key={conflict.id}
                conflict={conflict}
                signerName={signerName(inspection)}
                choice={choices[conflict.id]}
                onChoose={(side) => setChoices((current) => ({ ...current, [conflict.id]: side }))}
              />
            ))}
          </section>
        ) : null}
        {inspection.signer.trust === 'unknown' ? (
          <div className="field">
            <label className="checkbox-label">
              <input type="checkbox" checked={trust} onChange={(event) => setTrust(event.target.checked)} /> Trust this key from now on (I have checked its fingerprint)
            </label>
            {trust ? (
              <>
                <label htmlFor="bundle-trust-label">Whose key it is</label>
                <input id="bundle-trust-label" className="text-input" value={trustLabel} onChange={(event) => setTrustLabel(event.target.value)} />
              </>
            ) : null}
          </div>
        ) : null}
        {missing ? (
          <p className="field-error" role="alert">
            {missing}
          </p>
        ) : null}
        <div className="form-actions">
          <Button type="submit" className="button button-primary" isDisabled={apply.isPending || !inspection.hasChanges}>
            Import
          </Button>
          <Button className="button" onPress={onStartOver} isDisabled={apply.isPending}>
            Choose another file
          </Button>
        </div>
        {apply.isPending ? (
          <p role="status" className="loading">
            Backing up the database and importing… <progress className="meter" aria-label="Importing" />
          </p>
        ) : null}
      </form>
      {apply.error ? <ErrorNotice error={apply.error} title="Nothing was imported" /> : null}
    </section>
  );
}

export function ImportBundlePage() {
  const client = useClient();
  const [stage, setStage] = useState<Stage>({ kind: 'choosing' });
  const [passphrase, setPassphrase] = useState('');
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const passphraseInput = useRef<HTMLInputElement>(null);
  const refusal = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (stage.kind === 'needs-passphrase') passphraseInput.current?.focus();
    if (stage.kind === 'refused') refusal.current?.focus();
  }, [stage]);

  async function check(fileName: string, transferId: string, given: string | null) {
    setStage({ kind: 'checking', fileName, transferId });
    try {
      const inspection = await client.call('bundles.inspect', { transferId, passphrase: given });
      setStage({ kind: 'preview', fileName, transferId, inspection, passphrase: given });
    } catch (error) {
      const problem = problemOf(error);
      if (problem === 'passphrase-needed' || problem === 'passphrase-wrong') {
        setStage({ kind: 'needs-passphrase', fileName, transferId, wrong: problem === 'passphrase-wrong' });
      } else {
        setStage({ kind: 'refused', fileName, error: error as Error });
      }
    }
  }

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0];
    event.target.value = '';
    setFileProblem(null);
    setPassphrase('');
    if (!chosen) return;
    if (chosen.size === 0) {
      setFileProblem(`“${chosen.name}” is empty: it is not a plan bundle. Ask the sender for the .g2g file again.`);
      return;
    }
    if (chosen.size > BUNDLE_MAX_BYTES) {
      setFileProblem(`“${chosen.name}” is ${describeFileSize(chosen.size)}, larger than the ${describeFileSize(BUNDLE_MAX_BYTES)} a bundle may be. Ask the sender to send the plan in parts, theme by theme.`);
      return;
    }
    setStage({ kind: 'sending', fileName: chosen.name, sent: 0, size: chosen.size });
    try {
      const transferId = await sendBundle(client, chosen, (sent) => setStage({ kind: 'sending', fileName: chosen.name, sent, size: chosen.size }));
      await check(chosen.name, transferId, null);
    } catch (error) {
      setStage({ kind: 'refused', fileName: chosen.name, error: error as Error });
    }
  }

  function unlock(event: FormEvent) {
    event.preventDefault();
    if (stage.kind !== 'needs-passphrase') return;
    void check(stage.fileName, stage.transferId, passphrase);
  }

  const fileInput = useRef<HTMLInputElement>(null);
  const startOver = () => {
    setStage({ kind: 'choosing' });
    fileInput.current?.focus();
  };
  // One file at a time: another chosen while one is read or checked would race it.
  const busy = stage.kind === 'sending' || stage.kind === 'checking';

  return (
    <Page title="Import a plan bundle">
      <p className="lead">
        Import a plan bundle (a .g2g file): a plan sent from another computer, or the updates a theme lead sends back. The bundle is checked and you see exactly what would change
        before anything is saved; the database is backed up first, and the bundle is imported whole or not at all.
      </p>
      <section aria-labelledby="bundle-file-heading" className="bundle-step">
        <h2 id="bundle-file-heading">Choose the bundle</h2>
        <label className="file-label" htmlFor="bundle-file">
          Plan bundle
        </label>
        <p className="muted small" id="bundle-file-hint">
          A .g2g file, at most 1 GB.
        </p>
        <input
          id="bundle-file"
          ref={fileInput}
          type="file"
          accept=".g2g"
          aria-describedby="bundle-file-hint"
          disabled={busy}
          onChange={(event) => void choose(event)}
        />
        {fileProblem ? (
          <div className="notice notice-error" role="alert">
            <p>{fileProblem}</p>
          </div>
        ) : null}
        {stage.kind === 'sending' ? (
          <p role="status">
            Reading “{stage.fileName}”: {describeFileSize(stage.sent)} of {describeFileSize(stage.size)}{' '}
            <progress className="meter" max={stage.size} value={stage.sent} aria-label="Read so far" />
          </p>
        ) : null}
        {stage.kind === 'checking' ? (
          <p role="status" className="loading">
            Checking “{stage.fileName}”: its signature, every file and every record… <progress className="meter" aria-label="Checking the bundle" />
          </p>
        ) : null}
      </section>
      {stage.kind === 'needs-passphrase' ? (
        <form onSubmit={unlock} className="bundle-step" aria-labelledby="bundle-passphrase-heading">
          <h2 id="bundle-passphrase-heading">This bundle is locked with a passphrase</h2>
          <p>The sender should have given you the passphrase another way, such as by phone.</p>
          <PassphraseField
            id="bundle-unlock"
            label="Passphrase"
            inputRef={passphraseInput}
            value={passphrase}
            onChange={setPassphrase}
            autoComplete="off"
            error={stage.wrong ? 'That passphrase does not open this bundle. Check it with the sender; capitals and spaces count.' : null}
          />
          <div className="form-actions">
            <Button type="submit" className="button button-primary" isDisabled={passphrase === ''}>
              Open the bundle
            </Button>
          </div>
        </form>
      ) : null}
      {stage.kind === 'refused' ? (
        <div tabIndex={-1} ref={refusal}>
          <ErrorNotice error={stage.error} title={`“${stage.fileName}” was not imported`} />
        </div>
      ) : null}
      {stage.kind === 'preview' ? <Preview key={stage.transferId} stage={stage} onStartOver={startOver} /> : null}
    </Page>
  );
}
