import { useEffect, useRef, useState } from 'react';
import { Button, Checkbox, Dialog, DialogTrigger, FieldError, Form, Heading, Input, Label, Modal, Text, TextField } from 'react-aria-components';
import { Link } from 'react-router';
import type { AnsweringAction, Finding, Review } from '../../../shared/contract-setup';
import { formatLongDate } from '../../../shared/dates';
import { titleFromText } from '../../../shared/recommendations';
import {
  FINDING_KIND_LABELS,
  FINDING_KINDS,
  REVIEW_KIND_LABELS,
  REVIEW_KINDS,
  type FindingKind,
  type ReviewKind,
} from '../../../shared/vocabulary';
import { useContractMutation, useContractQuery } from '../client/hooks';
import { Choice } from '../components/Choice';
import { FormDialog, RemoveDialog, formText } from '../components/FormDialog';
import { ErrorNotice, Loading, Page } from '../components/Page';
import { useServerErrors } from '../components/server-errors';
import { actionPath, AnsweringActionList, DateField, LongTextField, NONE, PersonChoice, ThemeChoice } from '../components/setup-fields';
import { usePlan } from './PlanLayout';

/** A finding named briefly, for the accessible names of its buttons. */
const briefly = (finding: Finding) => titleFromText(finding.text, 60);

function ReviewFields({ review, kind, onKind, published, onPublished }: {
  review?: Review;
  kind: ReviewKind;
  onKind: (kind: ReviewKind) => void;
  published: boolean;
  onPublished: (published: boolean) => void;
}) {
  return (
    <>
      <Choice label="Kind" name="kind" options={REVIEW_KINDS} labels={REVIEW_KIND_LABELS} value={kind} onChange={onKind} />
      <TextField name="title" className="field" defaultValue={review?.title ?? ''} isRequired>
        <Label>Title</Label>
        <Text slot="description">Such as “Third monitoring visit” or “LGA peer review of the front door”.</Text>
        <Input />
        <FieldError className="field-error" />
      </TextField>
      <LongTextField name="focus" label="Focus (optional)" description="What the visit or review looked at." defaultValue={review?.focus} rows={2} />
      <div className="field-row">
        <DateField name="visitStartDate" label="Visit started (optional)" defaultValue={review?.visitStartDate} />
        <DateField name="visitEndDate" label="Visit ended (optional)" defaultValue={review?.visitEndDate} />
      </div>
      <DateField name="letterDate" label="Date of the letter or report (optional)" defaultValue={review?.letterDate} />
      <Checkbox className="checkbox field" isSelected={published} onChange={onPublished}>
        <span className="checkbox-box" aria-hidden="true" />
        The letter is published (the first monitoring visit’s letter usually is not)
      </Checkbox>
      <LongTextField name="summary" label="Summary (optional)" defaultValue={review?.summary} rows={5} />
    </>
  );
}

const reviewValues = (form: FormData) => ({
  title: String(form.get('title') ?? ''),
  focus: formText(form, 'focus') ?? null,
  visitStartDate: formText(form, 'visitStartDate') ?? null,
  visitEndDate: formText(form, 'visitEndDate') ?? null,
  letterDate: formText(form, 'letterDate') ?? null,
  summary: formText(form, 'summary') ?? null,
});

function AddReview({ planId }: { planId: string }) {
  const create = useContractMutation('reviews.create');
  const [kind, setKind] = useState<ReviewKind>('monitoring-visit');
  const [published, setPublished] = useState(false);
  return (
    <FormDialog
      trigger="Record a visit or review"
      triggerClassName="button button-primary"
      title="Record a visit or review"
      submitLabel="Save the visit or review"
      mutation={create}
      onClose={() => {
        setKind('monitoring-visit');
        setPublished(false);
      }}
      onSubmit={(form, close) => create.mutate({ planId, kind, letterPublished: published, ...reviewValues(form) }, { onSuccess: close })}
    >
      <ReviewFields kind={kind} onKind={setKind} published={published} onPublished={setPublished} />
    </FormDialog>
  );
}

function EditReview({ review }: { review: Review }) {
  const update = useContractMutation('reviews.update');
  const [kind, setKind] = useState<ReviewKind>(review.kind);
  const [published, setPublished] = useState(review.letterPublished);
  return (
    <FormDialog
      trigger="Edit"
      triggerClassName="button button-small"
      triggerLabel={`Edit ${review.title}`}
      title={`Edit ${review.title}`}
      submitLabel="Save the visit or review"
      mutation={update}
      onSubmit={(form, close) =>
        update.mutate({ reviewId: review.id, kind, letterPublished: published, ...reviewValues(form) }, { onSuccess: close })
      }
    >
      <ReviewFields review={review} kind={kind} onKind={setKind} published={published} onPublished={setPublished} />
    </FormDialog>
  );
}

function DeleteReview({ review }: { review: Review }) {
  const remove = useContractMutation('reviews.delete');
  return (
    <RemoveDialog
      verb="Delete"
      what={`${review.title}`}
      submitLabel="Delete the visit or review"
      mutation={remove}
      onRemove={(close) => remove.mutate({ reviewId: review.id }, { onSuccess: close })}
    >
      <p>
        Its {review.findings.length === 1 ? 'finding goes' : `${review.findings.length} findings go`} with it. Actions made from its findings
        stay in the plan. The deletion is kept in the plan’s history.
      </p>
    </RemoveDialog>
  );
}

function AddFinding({ review }: { review: Review }) {
  const add = useContractMutation('findings.add');
  const [kind, setKind] = useState<FindingKind>('area-to-improve');
  return (
    <FormDialog
      trigger="Add a finding"
      triggerLabel={`Add a finding of ${review.title}`}
      title={`Add a finding of ${review.title}`}
      submitLabel="Add the finding"
      mutation={add}
      onClose={() => setKind('area-to-improve')}
      onSubmit={(form, close) => add.mutate({ reviewId: review.id, kind, text: String(form.get('text') ?? '') }, { onSuccess: close })}
    >
      <Choice label="Kind" name="kind" options={FINDING_KINDS} labels={FINDING_KIND_LABELS} value={kind} onChange={setKind} />
      <LongTextField name="text" label="What the letter says" description="Copy the words of the letter." rows={5} isRequired />
    </FormDialog>
  );
}

function EditFinding({ finding }: { finding: Finding }) {
  const update = useContractMutation('findings.update');
  const [kind, setKind] = useState<FindingKind>(finding.kind);
  return (
    <FormDialog
      trigger="Edit"
      triggerClassName="button button-small"
      triggerLabel={`Edit the finding “${briefly(finding)}”`}
      title="Edit the finding"
      submitLabel="Save the finding"
      mutation={update}
      onSubmit={(form, close) => update.mutate({ findingId: finding.id, kind, text: String(form.get('text') ?? '') }, { onSuccess: close })}
    >
      <Choice label="Kind" name="kind" options={FINDING_KINDS} labels={FINDING_KIND_LABELS} value={kind} onChange={setKind} />
      <LongTextField name="text" label="What the letter says" defaultValue={finding.text} rows={5} isRequired />
    </FormDialog>
  );
}

function DeleteFinding({ finding }: { finding: Finding }) {
  const remove = useContractMutation('findings.delete');
  return (
    <RemoveDialog
      verb="Delete"
      what={`the finding “${briefly(finding)}”`}
      title="Delete the finding?"
      submitLabel="Delete the finding"
      mutation={remove}
      onRemove={(close) => remove.mutate({ findingId: finding.id }, { onSuccess: close })}
    >
      <p className="muted">{finding.text}</p>
      <p>
        {finding.actions.length > 0 ? 'The actions made from it stay in the plan. ' : ''}The deletion is kept in the plan’s history.
      </p>
    </RemoveDialog>
  );
}

/** The form of "Make an action from this", shown only while its dialog is open. */
function MakeActionForm({ planId, finding, onMade }: { planId: string; finding: Finding; onMade: (action: AnsweringAction) => void }) {
  const toAction = useContractMutation('findings.toAction');
  const { error, fieldErrors, hasFieldErrors, clearOnInput } = useServerErrors(toAction);
  const [theme, setTheme] = useState(NONE);
  const [owner, setOwner] = useState(NONE);
  const [reference, setReference] = useState<string | null>(null);
  const themeId = theme === NONE ? null : theme;
  const suggestion = useContractQuery('findings.nextReference', { findingId: finding.id, themeId });
  return (
    <>
      <blockquote className="finding-quote">{finding.text}</blockquote>
      {error && !hasFieldErrors ? <ErrorNotice error={error} title="Nothing was saved" /> : null}
      <div onInput={clearOnInput}>
        <Form
          className="form"
          validationErrors={fieldErrors}
          validationBehavior="aria"
          onSubmit={(event) => {
            event.preventDefault();
            const form = new FormData(event.currentTarget);
            toAction.mutate(
              {
                findingId: finding.id,
                themeId,
                reference: formText(form, 'reference'),
                title: formText(form, 'title'),
                ownerId: owner === NONE ? null : owner,
                dueDate: formText(form, 'dueDate') ?? null,
              },
              { onSuccess: (made) => onMade(made.action) },
            );
          }}
        >
          <ThemeChoice planId={planId} value={theme} onChange={setTheme} />
          <TextField name="reference" className="field field-narrow" value={reference ?? suggestion.data?.reference ?? ''} onChange={setReference}>
            <Label>Reference</Label>
            <Text slot="description">The next free reference in the theme, or after the visit when there is no theme. Change it if you number otherwise.</Text>
            <Input />
            <FieldError className="field-error" />
          </TextField>
          <TextField name="title" className="field" defaultValue={titleFromText(finding.text)} isRequired>
            <Label>Title</Label>
            <Text slot="description">Shortened from the finding; its full text becomes the action’s description.</Text>
            <Input />
            <FieldError className="field-error" />
          </TextField>
          <PersonChoice planId={planId} label="Owner (optional)" name="ownerId" noneLabel="No owner yet" value={owner} onChange={setOwner} />
          <DateField name="dueDate" label="Due (optional)" />
          <div className="form-actions">
            <Button type="submit" className="button button-primary" isDisabled={toAction.isPending}>
              Make the action
            </Button>
            <Button className="button" slot="close">
              Cancel
            </Button>
          </div>
        </Form>
      </div>
    </>
  );
}

function MadeAction({ planId, action }: { planId: string; action: AnsweringAction }) {
  const link = useRef<HTMLAnchorElement>(null);
  // The form's buttons are gone: focus goes to the new action's link, which is what comes next.
  useEffect(() => link.current?.focus(), []);
  return (
    <>
      <p role="status">
        Action{' '}
        <Link ref={link} to={actionPath(planId, action.id)}>
          {action.reference}
        </Link>{' '}
        “{action.title}” was made and linked to this area to improve. Add its lead, measures of success and milestones on its page.
      </p>
      <div className="form-actions">
        <Button className="button button-primary" slot="close">
          Close
        </Button>
      </div>
    </>
  );
}

function MakeAction({ planId, finding }: { planId: string; finding: Finding }) {
  const [made, setMade] = useState<AnsweringAction | null>(null);
  return (
    <DialogTrigger onOpenChange={(open) => !open && setMade(null)}>
      <Button className="button button-small" aria-label={`Make an action from this: “${briefly(finding)}”`}>
        Make an action from this
      </Button>
      <Modal className="modal" isDismissable>
        <Dialog className="dialog">
          <Heading slot="title">{made ? `Action ${made.reference} was made` : 'Make an action from this area to improve'}</Heading>
          {made ? <MadeAction planId={planId} action={made} /> : <MakeActionForm planId={planId} finding={finding} onMade={setMade} />}
        </Dialog>
      </Modal>
    </DialogTrigger>
  );
}

function FindingList({ planId, findings, kind }: { planId: string; findings: Finding[]; kind: FindingKind }) {
  if (findings.length === 0) return <p className="muted">None recorded.</p>;
  return (
    <ol className="findings">
      {findings.map((finding) => (
        <li key={finding.id} className="finding">
          <p>{finding.text}</p>
          {kind === 'area-to-improve' ? (
            finding.actions.length > 0 ? (
              <AnsweringActionList planId={planId} actions={finding.actions} label={`Actions made from “${briefly(finding)}”`} />
            ) : (
              <p>
                <span className="tag tag-warning">No action yet</span>
              </p>
            )
          ) : null}
          <div className="row-actions">
            {kind === 'area-to-improve' ? <MakeAction planId={planId} finding={finding} /> : null}
            <EditFinding key={`${finding.kind}-${finding.text}`} finding={finding} />
            <DeleteFinding finding={finding} />
          </div>
        </li>
      ))}
    </ol>
  );
}

function visitDates(review: Review): string {
  if (!review.visitStartDate) return 'Not recorded';
  if (!review.visitEndDate || review.visitEndDate === review.visitStartDate) return formatLongDate(review.visitStartDate);
  return `${formatLongDate(review.visitStartDate)} to ${formatLongDate(review.visitEndDate)}`;
}

function ReviewSection({ planId, review }: { planId: string; review: Review }) {
  const headingId = `review-${review.id}`;
  const areas = review.findings.filter((finding) => finding.kind === 'area-to-improve');
  const strengths = review.findings.filter((finding) => finding.kind === 'strength');
  return (
    <section className="review" aria-labelledby={headingId}>
      <div className="section-header">
        <h2 id={headingId}>{review.title}</h2>
        <div className="row-actions">
          <EditReview key={`${review.kind}-${String(review.letterPublished)}`} review={review} />
          <DeleteReview review={review} />
        </div>
      </div>
      <dl className="facts">
        <div>
          <dt>Kind</dt>
          <dd>{REVIEW_KIND_LABELS[review.kind]}</dd>
        </div>
        <div>
          <dt>Visit</dt>
          <dd>{visitDates(review)}</dd>
        </div>
        <div>
          <dt>Letter</dt>
          <dd>
            {review.letterDate ? formatLongDate(review.letterDate) : 'Not yet received'}
            {review.letterDate ? (review.letterPublished ? ', published' : ', not published') : ''}
          </dd>
        </div>
        {review.focus ? (
          <div className="facts-wide">
            <dt>Focus</dt>
            <dd>{review.focus}</dd>
          </div>
        ) : null}
      </dl>
      {review.summary ? <p className="review-summary">{review.summary}</p> : null}
      <h3>
        Areas to improve <span className="count">{areas.length}</span>
      </h3>
      <FindingList planId={planId} findings={areas} kind="area-to-improve" />
      <h3>
        Strengths <span className="count">{strengths.length}</span>
      </h3>
      <FindingList planId={planId} findings={strengths} kind="strength" />
      <div className="form-actions">
        <AddFinding review={review} />
      </div>
    </section>
  );
}

export function ReviewsPage() {
  const plan = usePlan();
  const reviews = useContractQuery('reviews.list', { planId: plan.id });
  if (reviews.isPending) return <Loading what="the visits and reviews" />;
  if (reviews.error) return <ErrorNotice error={reviews.error} title="The visits and reviews could not be loaded" />;
  // The latest letter is the one the council is answering now.
  const latestFirst = [...reviews.data].reverse();
  return (
    <Page title="Visits and reviews" caption={plan.title} actions={<AddReview planId={plan.id} />}>
      <p className="lead">
        Monitoring visits, DfE and peer reviews and improvement partners’ reports, with the strengths and areas to improve each found. The
        council answers each area to improve with actions.
      </p>
      {latestFirst.length === 0 ? <p>No visits or reviews yet. Record the first monitoring visit when its letter arrives.</p> : null}
      {latestFirst.map((review) => (
        <ReviewSection key={review.id} planId={plan.id} review={review} />
      ))}
    </Page>
  );
}
