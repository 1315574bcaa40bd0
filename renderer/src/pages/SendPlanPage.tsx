// Sending the plan out as a bundle: the whole plan or one theme for its lead, marked, signed,
// optionally locked with a passphrase; then downloaded, or written with an email draft ready
// to send.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button } from 'react-aria-components';
import type { ExportedBundle } from '../../../shared/contract-bundles';
import { CLASSIFICATION_LABELS, CLASSIFICATIONS, describeFileSize, PASSPHRASE_MIN_LENGTH, type Classification } from '../../../shared/vocabulary';
import { useClient, useContractMutation, useContractQuery } from '../client/hooks';
import { downloadBundle } from '../components/bundle-transfer';
import { KindCountsTable, PassphraseField, SigningKeyNote } from '../components/bundle-parts';
import { ErrorNotice, Page } from '../components/Page';
import { usePlan } from './PlanLayout';

const WHOLE_PLAN = 'whole-plan';

function EmailStep({ exported }: { exported: ExportedBundle }) {
  const defaultFolder = useContractQuery('bundles.defaultFolder', {});
  const prepare = useContractMutation('bundles.prepareEmail');
  const [folder, setFolder] = useState<string | null>(null);
  const result = useRef<HTMLDivElement>(null);
  const chosenFolder = folder ?? defaultFolder.data?.folder ?? '';
  useEffect(() => {
    if (prepare.isSuccess) result.current?.focus();
  }, [prepare.isSuccess]);

  function submit(event: FormEvent) {
    event.preventDefault();
    prepare.mutate({ exportId: exported.exportId, folder: chosenFolder });
  }

  return (
    <section aria-labelledby="bundle-email-heading" className="bundle-step">
      <h2 id="bundle-email-heading">Prepare it for email</h2>
      <p>
        Writes the bundle and an email draft with it attached into a folder. Open the draft (the .eml file) in Outlook or your mail program, add who it goes to, and send it.
        {exported.encrypted ? ' Send the passphrase another way, such as by phone or text message, never in the same email.' : ''}
      </p>
      <form onSubmit={submit} className="bundle-form">
        <div className="field">
          <label htmlFor="bundle-folder">Folder</label>
          <input
            id="bundle-folder"
            className="text-input wide-input"
            value={chosenFolder}
            onChange={(event) => setFolder(event.target.value)}
            aria-describedby="bundle-folder-hint"
          />
          <p className="muted small" id="bundle-folder-hint">
            A folder on this computer; it is made if it does not exist.
          </p>
        </div>
        <div className="form-actions">
          <Button type="submit" className="button" isDisabled={prepare.isPending || chosenFolder.trim() === ''}>
            Write the bundle and the email draft
          </Button>
        </div>
      </form>
      {prepare.error ? <ErrorNotice error={prepare.error} title="The email draft was not written" /> : null}
      {prepare.data ? (
        <div className="notice" role="status" tabIndex={-1} ref={result}>
          <p>Written:</p>
          <ul>
            <li>
              the bundle, <code>{prepare.data.bundlePath}</code>
            </li>
            <li>
              the email draft, <code>{prepare.data.emailPath}</code>, with the subject “{prepare.data.subject}”
            </li>
          </ul>
        </div>
      ) : null}
    </section>
  );
}

function Made({ exported }: { exported: ExportedBundle }) {
  const client = useClient();
  const [downloaded, setDownloaded] = useState<number | null>(null);
  const [problem, setProblem] = useState<Error | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [exported.exportId]);

  async function download() {
    setProblem(null);
    setDownloaded(0);
    try {
      await downloadBundle(client, exported.exportId, exported.fileName, setDownloaded);
    } catch (error) {
      setProblem(error as Error);
      setDownloaded(null);
    }
  }

  return (
    <section aria-labelledby="bundle-made-heading" className="bundle-step">
      <h2 id="bundle-made-heading" tabIndex={-1} ref={heading}>
        The bundle is ready
      </h2>
      <dl className="bundle-facts">
        <dt>File</dt>
        <dd>
          {exported.fileName} ({describeFileSize(exported.bytes)})
        </dd>
        <dt>Locked with a passphrase</dt>
        <dd>{exported.encrypted ? 'Yes' : 'No: anyone who has the file can read it'}</dd>
        <dt>Signed with this computer’s key</dt>
        <dd>
          <code className="fingerprint">{exported.fingerprint}</code>
        </dd>
        <dt>Files inside</dt>
        <dd>
          {exported.attachments.toLocaleString('en-GB')} evidence {exported.attachments === 1 ? 'file' : 'files'}
          {exported.readableCopies.length > 0 ? `, and for readers without the app: ${exported.readableCopies.join(', ')}` : ''}
        </dd>
      </dl>
      <KindCountsTable caption="Records in the bundle" counts={exported.records} />
      <div className="form-actions">
        <Button className="button button-primary" onPress={() => void download()} isDisabled={downloaded !== null && downloaded < exported.bytes}>
          Download the bundle
        </Button>
      </div>
      {downloaded !== null ? (
        <p role="status" className="muted">
          {downloaded < exported.bytes ? `Downloading… ${describeFileSize(downloaded)} of ${describeFileSize(exported.bytes)}` : 'Downloaded.'}
        </p>
      ) : null}
      {problem ? <ErrorNotice error={problem} title="The bundle was not downloaded" /> : null}
      <EmailStep exported={exported} />
    </section>
  );
}

export function SendPlanPage() {
  const plan = usePlan();
  const themes = useContractQuery('themes.list', { planId: plan.id });
  const make = useContractMutation('bundles.export');
  const [scope, setScope] = useState<string>(WHOLE_PLAN);
  const [classification, setClassification] = useState<Classification>(plan.classification);
  const [lock, setLock] = useState(plan.classification === 'official-sensitive');
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [withPdf, setWithPdf] = useState(true);
  const [problems, setProblems] = useState<Record<string, string>>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (lock && passphrase.length < PASSPHRASE_MIN_LENGTH) found.passphrase = `A passphrase must be at least ${PASSPHRASE_MIN_LENGTH} characters; a short sentence is easiest to pass on.`;
    else if (lock && passphrase !== again) found.again = 'The two passphrases are not the same: type it again.';
    setProblems(found);
    if (Object.keys(found).length > 0) {
      document.getElementById(found.passphrase ? 'bundle-passphrase' : 'bundle-passphrase-again')?.focus();
      return;
    }
    make.mutate({ planId: plan.id, themeId: scope === WHOLE_PLAN ? null : scope, classification, passphrase: lock ? passphrase : null, withPdf });
  }

  return (
    <Page title="Send the plan" caption={plan.title}>
      <p className="lead">
        Make a plan bundle to email to Ofsted, DfE, your improvement partner or a theme lead. It holds the plan’s data for another copy of Getting to Good, the evidence files, and a PDF
        and a spreadsheet of the plan for people without the app.
      </p>
      <SigningKeyNote />
      <form onSubmit={submit} className="bundle-form" aria-labelledby="bundle-send-heading" noValidate>
        <h2 id="bundle-send-heading">What to send</h2>
        <div className="field">
          <label htmlFor="bundle-scope">What goes in</label>
          <select id="bundle-scope" className="select-input" value={scope} onChange={(event) => setScope(event.target.value)} aria-describedby="bundle-scope-hint">
            <option value={WHOLE_PLAN}>The whole plan</option>
            {(themes.data ?? []).map((theme) => (
              <option key={theme.id} value={theme.id}>
                Theme {theme.reference}: {theme.title}
              </option>
            ))}
          </select>
          <p className="muted small" id="bundle-scope-hint">
            A theme sends that theme’s actions and KPIs, with the plan around them, for its lead to update and send back.
          </p>
        </div>
        <fieldset className="field">
          <legend>Marking</legend>
          {CLASSIFICATIONS.map((value) => (
            <label key={value} className="radio-label">
              <input type="radio" name="classification" value={value} checked={classification === value} onChange={() => setClassification(value)} />{' '}
              {CLASSIFICATION_LABELS[value]}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label className="checkbox-label">
            <input type="checkbox" checked={lock} onChange={(event) => setLock(event.target.checked)} /> Lock the bundle with a passphrase
          </label>
          <p className="muted small">Expected for OFFICIAL-SENSITIVE material. The recipient needs the passphrase to open anything in the bundle.</p>
        </div>
        {lock ? (
          <>
            <PassphraseField
              id="bundle-passphrase"
              label="Passphrase"
              value={passphrase}
              onChange={setPassphrase}
              autoComplete="new-password"
              hint={`At least ${PASSPHRASE_MIN_LENGTH} characters. It cannot be recovered: if it is lost, send a new bundle.`}
              error={problems.passphrase}
            />
            <PassphraseField id="bundle-passphrase-again" label="Passphrase again" value={again} onChange={setAgain} autoComplete="new-password" error={problems.again} />
          </>
        ) : null}
        <div className="field">
          <label className="checkbox-label">
            <input type="checkbox" checked={withPdf} onChange={(event) => setWithPdf(event.target.checked)} /> Include the plan as a PDF
          </label>
        </div>
        <div className="form-actions">
          <Button type="submit" className="button button-primary" isDisabled={make.isPending}>
            Make the bundle
          </Button>
        </div>
        {make.isPending ? (
          <p role="status" className="loading">
            Making the bundle{withPdf ? ' and printing the plan' : ''}… <progress className="meter" aria-label="Making the bundle" />
          </p>
        ) : null}
      </form>
      {make.error ? <ErrorNotice error={make.error} title="The bundle was not made" /> : null}
      {make.data ? <Made key={make.data.exportId} exported={make.data} /> : null}
    </Page>
  );
}
