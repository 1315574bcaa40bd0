import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button, Dialog, DialogTrigger, FieldError, Form, Heading, Label, Modal, Text, TextArea, TextField } from 'react-aria-components';
import { useClient, useContractMutation } from '../client/hooks';
import { ErrorNotice } from './Page';
import { useServerErrors } from './server-errors';

interface Item {
  key: number;
  text: string;
}

/**
 * "Add recommendations from the report": the user pastes the report's "What needs to improve"
 * section, the services split it, and the user corrects the split (edit, join to the one above,
 * remove, add one that was missed) before anything is saved.
 */
export function PasteRecommendationsDialog({
  planId,
  nextNumber,
  onAdded,
}: {
  planId: string;
  /** The number the first new recommendation will get. */
  nextNumber: number;
  onAdded: (count: number, first: number) => void;
}) {
  const client = useClient();
  const add = useContractMutation('recommendations.add');
  const { error, fieldErrors, clearOnInput } = useServerErrors(add);
  const [pasted, setPasted] = useState('');
  const [items, setItems] = useState<Item[] | null>(null);
  const [splitting, setSplitting] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const keys = useRef(0);
  const fields = useRef(new Map<number, HTMLTextAreaElement>());
  const [focusKey, setFocusKey] = useState<number | null>(null);
  const checkHeading = useRef<HTMLHeadingElement>(null);

  // After a join or removal the button pressed is gone: focus goes to the item that took its place.
  useEffect(() => {
    if (focusKey === null) return;
    fields.current.get(focusKey)?.focus();
    setFocusKey(null);
  }, [focusKey, items]);

  const checking = items !== null;
  useEffect(() => {
    if (checking) checkHeading.current?.focus();
  }, [checking]);

  function reset() {
    setPasted('');
    setItems(null);
    setProblem(null);
    add.reset();
  }

  async function split(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pasted.trim() === '') {
      setProblem('Paste the recommendations from the report first.');
      return;
    }
    setSplitting(true);
    setProblem(null);
    try {
      const texts = await client.call('recommendations.split', { text: pasted });
      if (texts.length === 0) setProblem('No recommendations were found in that text. Paste the list under “What needs to improve”.');
      else setItems(texts.map((text) => ({ key: keys.current++, text })));
    } catch (caught) {
      setProblem((caught as Error).message);
    } finally {
      setSplitting(false);
    }
  }

  function change(next: Item[], focus: number | null) {
    add.reset();
    setItems(next);
    setFocusKey(focus);
  }

  const itemErrors = Object.keys(fieldErrors).some((path) => path.startsWith('texts.'));

  return (
    <DialogTrigger onOpenChange={(open) => !open && reset()}>
      <Button className="button button-primary">Add recommendations from the report</Button>
      <Modal className="modal" isDismissable>
        <Dialog className="dialog dialog-wide">
          {({ close }) => (
            <>
              <Heading slot="title">Add recommendations from the report</Heading>
              {items === null ? (
                <Form className="form form-wide" onSubmit={split}>
                  <TextField className="field" value={pasted} onChange={setPasted} isInvalid={problem !== null}>
                    <Label>Text of the report’s recommendations</Label>
                    <Text slot="description">
                      Paste the list under “What needs to improve” from the report’s PDF or from Word. Numbers, bullets and broken lines are
                      understood; you can check and correct the split before anything is saved.
                    </Text>
                    <TextArea rows={14} className="paste-area" />
                    <FieldError className="field-error">{problem}</FieldError>
                  </TextField>
                  <div className="form-actions">
                    <Button type="submit" className="button button-primary" isDisabled={splitting}>
                      Split into recommendations
                    </Button>
                    <Button className="button" slot="close">
                      Cancel
                    </Button>
                  </div>
                </Form>
              ) : (
                <>
                  <h3 ref={checkHeading} tabIndex={-1}>
                    Check the split: {items.length} {items.length === 1 ? 'recommendation' : 'recommendations'}
                  </h3>
                  <p>
                    Compare each with the report. Edit the words, join a recommendation to the one above when a line was split in two, or
                    remove what is not a recommendation. They will be numbered {nextNumber}
                    {items.length > 1 ? ` to ${nextNumber + items.length - 1}` : ''}.
                  </p>
                  {error && !itemErrors ? <ErrorNotice error={error} title="Nothing was saved" /> : null}
                  <div onInput={clearOnInput}>
                    <Form
                      className="form form-wide"
                      validationErrors={fieldErrors}
                      validationBehavior="aria"
                      onSubmit={(event) => {
                        event.preventDefault();
                        const texts = items.map((item) => item.text);
                        add.mutate(
                          { planId, texts },
                          {
                            onSuccess: (added) => {
                              onAdded(added.length, nextNumber);
                              close();
                            },
                          },
                        );
                      }}
                    >
                      <ol className="split-preview">
                        {items.map((item, index) => {
                          const number = nextNumber + index;
                          const previous = items[index - 1];
                          return (
                            <li key={item.key}>
                              <TextField
                                name={`texts.${index}`}
                                className="field"
                                value={item.text}
                                onChange={(text) => change(items.map((candidate) => (candidate.key === item.key ? { ...candidate, text } : candidate)), null)}
                              >
                                <Label>Recommendation {number}</Label>
                                <TextArea
                                  rows={3}
                                  ref={(element) => {
                                    if (element) fields.current.set(item.key, element);
                                    else fields.current.delete(item.key);
                                  }}
                                />
                                <FieldError className="field-error" />
                              </TextField>
                              <div className="row-actions">
                                {previous ? (
                                  <Button
                                    className="button button-small"
                                    onPress={() =>
                                      change(
                                        items
                                          .map((candidate) => (candidate.key === previous.key ? { ...candidate, text: `${previous.text} ${item.text}`.trim() } : candidate))
                                          .filter((candidate) => candidate.key !== item.key),
                                        previous.key,
                                      )
                                    }
                                  >
                                    Join to recommendation {number - 1}
                                  </Button>
                                ) : null}
                                <Button
                                  className="button button-small"
                                  aria-label={`Remove recommendation ${number}`}
                                  onPress={() => {
                                    const rest = items.filter((candidate) => candidate.key !== item.key);
                                    change(rest, (previous ?? rest[0])?.key ?? null);
                                    if (rest.length === 0) setItems(null);
                                  }}
                                >
                                  Remove
                                </Button>
                              </div>
                            </li>
                          );
                        })}
                      </ol>
                      <Button
                        className="button"
                        onPress={() => {
                          const key = keys.current++;
                          change([...items, { key, text: '' }], key);
                        }}
                      >
                        Add one the split missed
                      </Button>
                      <div className="form-actions">
                        <Button type="submit" className="button button-primary" isDisabled={add.isPending}>
                          Save {items.length} {items.length === 1 ? 'recommendation' : 'recommendations'}
                        </Button>
                        <Button className="button" onPress={() => setItems(null)}>
                          Back to the pasted text
                        </Button>
                        <Button className="button" slot="close">
                          Cancel
                        </Button>
                      </div>
                    </Form>
                  </div>
                </>
              )}
            </>
          )}
        </Dialog>
      </Modal>
    </DialogTrigger>
  );
}
