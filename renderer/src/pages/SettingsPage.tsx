import { useRef, useState, type ChangeEvent } from 'react';
import { formatLongDate } from '../../../shared/dates';
import { useContractMutation, useContractQuery } from '../client/hooks';
import { BackupsSection } from '../components/backups-section';
import { BundleKeys } from '../components/bundle-keys';
import { ErrorNotice, Loading, Page } from '../components/Page';

const MAX_FILE_BYTES = 5_000_000;

function BankHolidays() {
  const summary = useContractQuery('bankHolidays.get', {});
  const load = useContractMutation('bankHolidays.load');
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    setProblem(null);
    load.reset();
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setProblem(`“${file.name}” is ${Math.round(file.size / 1_000_000)} MB; a bank-holidays list is far smaller. Choose the bank-holidays.json file from GOV.UK.`);
      return;
    }
    load.mutate({ fileName: file.name, content: await file.text() });
    event.target.value = '';
  }

  if (summary.isPending) return <Loading what="the bank holidays" />;
  if (summary.error) return <ErrorNotice error={summary.error} />;
  const data = load.data ?? summary.data;
  return (
    <section aria-labelledby="bank-holidays">
      <h2 id="bank-holidays">Bank holidays</h2>
      <p>
        Working days are counted without the bank holidays of England and Wales. The app knows them from {data.firstYear} to {data.lastYear}
        {data.loaded ? `, including the list loaded from “${data.loaded.fileName}” on ${formatLongDate(data.loaded.at.slice(0, 10))}` : ''}.
        Dates after {data.lastYear} are marked provisional until a newer list is loaded.
      </p>
      <p>
        To extend it, save the England and Wales list from GOV.UK (the file bank-holidays.json from the bank holidays page) and load it here.
      </p>
      <label className="file-label" htmlFor="bank-holidays-file">
        Load a bank-holidays file
      </label>
      <input id="bank-holidays-file" ref={input} type="file" accept=".json,application/json" onChange={(event) => void choose(event)} />
      {problem ? (
        <div className="notice notice-error" role="alert">
          <p>{problem}</p>
        </div>
      ) : null}
      {load.error ? <ErrorNotice error={load.error} title="The file was not loaded" /> : null}
      {load.isSuccess ? (
        <p role="status" className="notice">
          Loaded. Bank holidays are now known to the end of {load.data.lastYear}.
        </p>
      ) : null}
    </section>
  );
}

export function SettingsPage() {
  return (
    <Page title="Settings">
      <BackupsSection />
      <BankHolidays />
      <BundleKeys />
    </Page>
  );
}
