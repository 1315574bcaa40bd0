import { Button } from 'react-aria-components';
import { useContractMutation } from '../client/hooks';
import { Page } from '../components/Page';
import { RecordHistory } from '../components/RecordHistory';
import { usePlan } from './PlanLayout';

function ChainCheck() {
  const verify = useContractMutation('audit.verify');
  const result = verify.data;
  return (
    <div className="chain-check">
      <Button className="button" onPress={() => verify.mutate({})} isDisabled={verify.isPending}>
        Check the history is intact
      </Button>
      <p role="status" className={result && !result.ok ? 'notice notice-error' : undefined}>
        {result?.ok
          ? `The history is intact: all ${result.entries} entries are linked, each to the one before, and none has been altered.`
          : result
            ? `The history has been altered: the chain breaks at entry ${result.firstBrokenSequence}. Keep this database as it is and report it.`
            : ''}
      </p>
    </div>
  );
}

export function HistoryPage() {
  const plan = usePlan();
  return (
    <Page title="History" caption={plan.title}>
      <p className="lead">
        Every change to this plan, who made it and when, with what each field was before and after. Each entry is sealed with the one before
        it, so an entry altered afterwards is found by the check.
      </p>
      <ChainCheck />
      <RecordHistory planId={plan.id} label="Changes to the plan, newest first" />
    </Page>
  );
}
