import { useEffect, useState } from 'react';
import { Input, Label, SearchField } from 'react-aria-components';
import { Link } from 'react-router';
import type { SearchResult } from '../../../shared/contract-search';
import { useContractQuery } from '../client/hooks';
import { ErrorNotice, Page } from '../components/Page';
import { usePlan } from './PlanLayout';

const KIND_LABELS: Record<SearchResult['kind'], string> = {
  action: 'Action',
  update: 'Progress update',
  recommendation: 'Recommendation',
  finding: 'Review finding',
};

/** The passage found, with the matched words marked; the text is never read as HTML. */
function Snippet({ text }: { text: string }) {
  const parts = text.split(/([\u0002\u0003])/);
  const out: React.ReactNode[] = [];
  let marked = false;
  parts.forEach((part, index) => {
    if (part === '\u0002') marked = true;
    else if (part === '\u0003') marked = false;
    else if (part) out.push(marked ? <mark key={index}>{part}</mark> : part);
  });
  return <p className="snippet">{out}</p>;
}

function Results({ planId, query }: { planId: string; query: string }) {
  const search = useContractQuery('search.plan', { planId, query });
  if (search.error) return <ErrorNotice error={search.error} title="The search could not be run" />;
  if (!search.data) return <p role="status">Searching…</p>;
  const { results, truncated } = search.data;
  return (
    <>
      <p role="status" className="result-count">
        {results.length === 0 ? `Nothing in this plan matches “${query}”.` : `${results.length}${truncated ? '+' : ''} found for “${query}”.`}
        {truncated ? ' Only the best 200 are shown: add words to narrow the search.' : ''}
      </p>
      <ol className="search-results">
        {results.map((result) => (
          <li key={`${result.kind}-${result.id}`}>
            <span className="tag">{KIND_LABELS[result.kind]}</span>{' '}
            {result.actionId ? <Link to={`/plans/${planId}/actions/${result.actionId}`}>{result.heading}</Link> : <strong>{result.heading}</strong>}
            <Snippet text={result.snippet} />
          </li>
        ))}
      </ol>
    </>
  );
}

export function SearchPage() {
  const plan = usePlan();
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQuery(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  return (
    <Page title="Search" caption={plan.title}>
      <SearchField className="field search-field" value={typed} onChange={setTyped}>
        <Label>Search the actions, progress updates, recommendations and review findings</Label>
        <Input />
      </SearchField>
      {query ? <Results planId={plan.id} query={query} /> : <p className="muted">Every word typed must appear; the start of a word is enough (“superv” finds supervision).</p>}
    </Page>
  );
}
