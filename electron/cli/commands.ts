import { CLASSIFICATION_LABELS } from '../../shared/vocabulary';
import { formatTable, type Command, type DataCommand } from './command';
import { backupCommands } from './backup-command';
import { bundleCommands } from './bundle-command';
import { call, rejectExtraArguments } from './command-files';
import { dateCommands } from './date-commands';
import { packCommand } from './pack-command';
import { xlsxCommands } from './xlsx-command';

const plansList: DataCommand = {
  name: 'plans list',
  summary: 'list the plans, with their actions, overdue actions and RAG counts',
  async run(context) {
    rejectExtraArguments(context, 'plans list');
    const plans = await call(context, 'plans.list', {});
    if (context.json) {
      context.out(JSON.stringify(plans, null, 2));
      return 0;
    }
    if (plans.length === 0) {
      context.out('There are no plans yet.');
      return 0;
    }
    context.out(
      formatTable(
        ['Plan', 'Council', 'Version', 'Status', 'Marking', 'Actions', 'Overdue', 'Red', 'Amber', 'Green', 'Blue', 'Id'],
        plans.map((plan) => [
          plan.title,
          plan.authorityName,
          String(plan.version),
          plan.status,
          CLASSIFICATION_LABELS[plan.classification],
          String(plan.actionCount),
          String(plan.overdueCount),
          String(plan.ragCounts.red),
          String(plan.ragCounts.amber),
          String(plan.ragCounts.green),
          String(plan.ragCounts.blue),
          plan.id,
        ]),
      ),
    );
    return 0;
  },
};

const dbCheck: DataCommand = {
  name: 'db check',
  summary: 'check the database: integrity, foreign keys and the audit chain (exit code 1 on a problem)',
  async run(context) {
    rejectExtraArguments(context, 'db check');
    const check = await call(context, 'db.check', {});
    if (context.json) {
      context.out(JSON.stringify({ databaseFile: context.app.core.databaseFile, ...check }, null, 2));
      return check.ok ? 0 : 1;
    }
    context.out(`Database: ${context.app.core.databaseFile}`);
    const integrityOk = check.integrity.length === 1 && check.integrity[0] === 'ok';
    context.out(`Integrity:    ${integrityOk ? 'ok' : 'PROBLEM'}`);
    if (!integrityOk) for (const line of check.integrity.slice(0, 20)) context.out(`  ${line}`);
    context.out(`Foreign keys: ${check.foreignKeyProblems.length === 0 ? 'ok' : `PROBLEM (${check.foreignKeyProblems.length} records point at missing records)`}`);
    for (const problem of check.foreignKeyProblems.slice(0, 20)) {
      context.out(`  a record in ${problem.table} (row ${problem.rowid}) points at a missing ${problem.parent} record`);
    }
    context.out(
      `Audit chain:  ${check.auditChain.ok ? `ok (${check.auditChain.entries} entries)` : `BROKEN at entry ${check.auditChain.firstBrokenSequence}: the history has been altered`}`,
    );
    context.out(check.ok ? 'The database is sound.' : 'The database has problems: restore a backup or report this.');
    return check.ok ? 0 : 1;
  },
};

export const commands: Command[] = [plansList, dbCheck, ...backupCommands, packCommand, ...bundleCommands, ...xlsxCommands, ...dateCommands];
