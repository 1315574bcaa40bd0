// Settings: this computer's signing key, and the keys of other computers whose bundles are trusted.
import { formatLongDate } from '../../../shared/dates';
import { useContractMutation, useContractQuery } from '../client/hooks';
import { RemoveDialog } from './FormDialog';
import { ErrorNotice, Loading } from './Page';

export function BundleKeys() {
  const key = useContractQuery('bundles.signingKey', {});
  const trusted = useContractQuery('bundles.trustedKeys', {});
  const forget = useContractMutation('bundles.forgetKey');
  return (
    <section aria-labelledby="bundle-keys">
      <h2 id="bundle-keys">Signing keys for plan bundles</h2>
      {key.data ? (
        <p>
          Bundles made on this computer are signed with its key. A recipient checks it by reading its fingerprint back to you: <code className="fingerprint">{key.data.fingerprint}</code>
        </p>
      ) : key.error ? (
        <ErrorNotice error={key.error} title="This computer’s key could not be read" />
      ) : (
        <Loading what="this computer’s key" />
      )}
      <h3>Keys you trust</h3>
      {trusted.data && trusted.data.length === 0 ? <p>None yet. When you import a bundle from another computer, you can choose to trust its key.</p> : null}
      {trusted.data && trusted.data.length > 0 ? (
        <table className="data-table">
          <caption className="visually-hidden">Keys you trust</caption>
          <thead>
            <tr>
              <th scope="col">Whose</th>
              <th scope="col">Fingerprint</th>
              <th scope="col">Trusted since</th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {trusted.data.map((row) => (
              <tr key={row.fingerprint}>
                <th scope="row">{row.label}</th>
                <td>
                  <code className="fingerprint">{row.fingerprint}</code>
                </td>
                <td>{formatLongDate(row.addedAt.slice(0, 10))}</td>
                <td>
                  <RemoveDialog
                    what={`${row.label}’s key`}
                    title={`Stop trusting ${row.label}’s key?`}
                    submitLabel="Stop trusting it"
                    mutation={forget}
                    onRemove={(close) => forget.mutate({ fingerprint: row.fingerprint }, { onSuccess: close })}
                  >
                    <p>Bundles signed with it will be shown as signed by a key you have not trusted, until you trust it again when importing one.</p>
                  </RemoveDialog>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {trusted.error ? <ErrorNotice error={trusted.error} title="The keys you trust could not be read" /> : null}
    </section>
  );
}
