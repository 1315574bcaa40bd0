import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import type { MethodName } from '../../../shared/contract';
import { ContractError } from '../client/client';
import { refreshAfterOwnChange, useClient } from '../client/hooks';

interface Step {
  changeId: string;
  label: string;
}

/** What a change was, for the Undo button: the contract method that made it, in words. */
const METHOD_WORDS: Partial<Record<MethodName, string>> = {
  'plans.create': 'creating the plan',
  'plans.update': 'the change to the plan',
  'actions.create': 'adding the action',
  'actions.update': 'the change to the action',
  'actions.changeDueDate': 'the new due date',
  'actions.bulkUpdate': 'the change to the chosen actions',
  'actions.delete': 'deleting the action',
  'progressUpdates.create': 'adding the progress update',
  'deadlines.override': 'the agreed date',
  'meetings.update': 'the change to the meeting',
  'meetings.delete': 'removing the meeting',
};

function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return !!element && (element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName));
}

/**
 * Undo and redo of this session's changes. An undo is itself a change on the services' side,
 * so redo is the undo of an undo; the history keeps all three.
 */
export function UndoControls() {
  const client = useClient();
  const queries = useQueryClient();
  const [undoStack, setUndoStack] = useState<Step[]>([]);
  const [redoStack, setRedoStack] = useState<Step[]>([]);
  const [message, setMessage] = useState('');
  const replaying = useRef(false);

  useEffect(
    () =>
      client.onChanges((method, changes) => {
        if (method === 'changes.undo' || replaying.current) return;
        const label = METHOD_WORDS[method] ?? 'the last change';
        setUndoStack((stack) => [...stack, ...changes.map((changeId) => ({ changeId, label }))].slice(-100));
        setRedoStack([]);
      }),
    [client],
  );

  const step = useCallback(
    async (from: Step[], setFrom: (steps: Step[]) => void, setTo: (update: (steps: Step[]) => Step[]) => void, verb: string) => {
      const last = from.at(-1);
      if (!last) return;
      replaying.current = true;
      try {
        const result = await client.call('changes.undo', { changeId: last.changeId });
        setFrom(from.slice(0, -1));
        setTo((steps) => [...steps, { changeId: result.changeId, label: last.label }]);
        setMessage(verb === 'Redid' ? `Redid ${last.label}.` : `${result.summary}.`);
        await refreshAfterOwnChange(queries);
      } catch (error) {
        setMessage(error instanceof ContractError ? error.message : 'The change could not be undone.');
        setFrom(from.slice(0, -1));
      } finally {
        replaying.current = false;
      }
    },
    [client, queries],
  );
  const undo = useCallback(() => step(undoStack, setUndoStack, setRedoStack, 'Undid'), [step, undoStack]);
  const redo = useCallback(() => step(redoStack, setRedoStack, setUndoStack, 'Redid'), [step, redoStack]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || isTyping(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) {
        event.preventDefault();
        void undo();
      } else if ((key === 'z' && event.shiftKey) || key === 'y') {
        event.preventDefault();
        void redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo]);

  const nextUndo = undoStack.at(-1);
  const nextRedo = redoStack.at(-1);
  return (
    <div className="undo-controls">
      <Button className="button button-small button-on-dark" isDisabled={!nextUndo} onPress={() => void undo()} aria-keyshortcuts="Control+Z">
        {nextUndo ? `Undo ${nextUndo.label}` : 'Undo'}
      </Button>
      <Button className="button button-small button-on-dark" isDisabled={!nextRedo} onPress={() => void redo()} aria-keyshortcuts="Control+Shift+Z">
        {nextRedo ? `Redo ${nextRedo.label}` : 'Redo'}
      </Button>
      <p className="visually-hidden" role="status">
        {message}
      </p>
    </div>
  );
}
