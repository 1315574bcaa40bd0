// What the commands that read and write files share: calling the contract as any client does,
// required options, and files checked before work starts and written whole or not at all.
import fs from 'node:fs';
import path from 'node:path';
import type { MethodInput, MethodName, MethodOutput, PlanSummary } from '../../shared/contract';
import { describeWriteProblem, FileNotWritten, problemWritingBeside, writeWholeFileSync } from '../core/files';
import { CommandFailure, formatTable, UsageFailure, type DataCommandContext } from './command';

/** Calls the contract as the app's pages do; a refusal becomes the command's failure, in the same words. */
export async function call<M extends MethodName>(context: DataCommandContext, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const envelope = await context.app.dispatch(method, input);
  if (!envelope.ok) throw new CommandFailure(envelope.error.message);
  return envelope.value as MethodOutput<M>;
}

/** An option the command cannot work without: `command` is as typed, such as `pack` or `bundle export`. */
export function requiredOption(context: DataCommandContext, command: string, name: string, what: string): string {
  const value = context.options[name];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageFailure(`“g2g ${command}” needs --${name} ${what}.`);
  return value.trim();
}

/** Refuses, before any work is done, a file the command could not write (by trying to make one beside it). */
export function checkWritable(file: string, what: string): void {
  const folder = path.dirname(file);
  let folderStat: fs.Stats;
  try {
    folderStat = fs.statSync(folder);
  } catch {
    throw new CommandFailure(`The ${what} cannot be written to ${file}: the folder ${folder} does not exist.`);
  }
  if (!folderStat.isDirectory()) throw new CommandFailure(`The ${what} cannot be written to ${file}: ${folder} is a file, not a folder.`);
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
    throw new CommandFailure(`The ${what} cannot be written to ${file}: that is a folder. Give the name of a file.`);
  }
  let problem = problemWritingBeside(file);
  if (!problem && fs.existsSync(file)) {
    try {
      fs.accessSync(file, fs.constants.W_OK);
    } catch (error) {
      problem = describeWriteProblem(error, file);
    }
  }
  if (problem) throw new CommandFailure(`The ${what} cannot be written to ${file}: ${problem.reason}. Nothing was written; ${problem.advice}.`);
}

/** Reads a file the command was given, saying plainly when it is missing or not a file. */
export function readGivenFile(file: string, what: string): Buffer {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new CommandFailure(`The ${what} ${file} does not exist.`);
  }
  if (!stat.isFile()) throw new CommandFailure(`The ${what} ${file} is a folder, not a file.`);
  try {
    return fs.readFileSync(file);
  } catch (error) {
    throw new CommandFailure(`The ${what} ${file} could not be read: ${(error as Error).message}`);
  }
}

/** Writes the whole file or nothing (electron/core/files.ts): a failure leaves no half-written file behind. */
export function writeWhole(file: string, bytes: Buffer, what: string): void {
  try {
    writeWholeFileSync(file, bytes, { what });
  } catch (error) {
    if (error instanceof FileNotWritten) throw new CommandFailure(error.message);
    throw error;
  }
}

/** Refuses words after the command, which take no words but options. */
export function rejectExtraArguments(context: DataCommandContext, command: string): void {
  if (context.args.length > 0) throw new UsageFailure(`“g2g ${command}” takes no further words, but was given “${context.args.join(' ')}”.`);
}

/** The plan named by its id, or by its title when only one plan has it. */
export async function findPlan(context: DataCommandContext, named: string): Promise<PlanSummary> {
  const plans = await call(context, 'plans.list', {});
  const byId = plans.find((plan) => plan.id === named);
  if (byId) return byId;
  const byTitle = plans.filter((plan) => plan.title.toLocaleLowerCase('en-GB') === named.toLocaleLowerCase('en-GB'));
  if (byTitle.length === 1 && byTitle[0]) return byTitle[0];
  if (byTitle.length > 1) {
    const table = formatTable(
      ['Plan', 'Version', 'Status', 'Id'],
      byTitle.map((plan) => [plan.title, String(plan.version), plan.status, plan.id]),
    );
    throw new CommandFailure(`${byTitle.length} plans are called “${named}”: give the id of the one to use.\n${table}`);
  }
  throw new CommandFailure(`There is no plan with the id or title “${named}” in ${context.app.core.dataDirectory}. “g2g plans list” shows each plan and its id.`);
}
