import { Link, useParams } from 'react-router';
import type { Pack } from '../../../shared/contract-packs';
import { formatLongDate } from '../../../shared/dates';
import { useContractQuery } from '../client/hooks';
import { PackControls } from '../components/pack-controls';
import { PackEditor } from '../components/pack-editor';
import { formatInstantDate, formatPeriod } from '../components/pack-meetings';
import { PackPreview } from '../components/pack-preview';
import { PACK_TEMPLATE_LABELS } from '../../../shared/vocabulary';
import { ErrorNotice, Loading, Page } from '../components/Page';
import { useReadOnly } from '../components/read-only';
import { usePlan } from './PlanLayout';

function meetingInWords(pack: Pack): string {
  if (!pack.committeeName || !pack.meetingDate) return 'No meeting: its meeting has been removed from the calendar';
  return `${pack.committeeName}, ${formatLongDate(pack.meetingDate)}${pack.agendaItem ? `, agenda item ${pack.agendaItem}` : ''}`;
}

/** What an issued pack is, in place of the editor. */
function IssuedPack({ pack }: { pack: Pack }) {
  return (
    <div className="notice pack-issued">
      <h2>Issued</h2>
      <p>
        Issued {pack.issuedAt ? `on ${formatInstantDate(pack.issuedAt)}` : ''}
        {pack.issuedBy ? ` by ${pack.issuedBy}` : ''}.
      </p>
      <p>
        This pack is kept exactly as it went to the meeting, with its PDF: later changes to the plan do not change it. To report again, build a new pack on the{' '}
        <Link to={`/plans/${pack.planId}/packs`}>committee packs page</Link>.
      </p>
    </div>
  );
}

export function PackPage() {
  const plan = usePlan();
  const { packId = '' } = useParams();
  const readOnly = useReadOnly();
  const pack = useContractQuery('packs.get', { packId });
  const document = useContractQuery('packs.document', { packId });
  const committees = useContractQuery('committees.list', { planId: plan.id });
  if (pack.isPending || committees.isPending) return <Loading what="the pack" />;
  if (pack.error) return <ErrorNotice error={pack.error} title="The pack could not be opened" />;
  if (committees.error) return <ErrorNotice error={committees.error} title="The meetings could not be loaded" />;
  const current = pack.data;
  const issued = current.status === 'issued';
  const editable = !issued && !readOnly;
  return (
    <Page title={current.title} caption={plan.title} actions={<PackControls pack={current} document={document.data} />}>
      <dl className="facts pack-facts">
        <div>
          <dt>Status</dt>
          <dd>{issued ? `Issued${current.issuedAt ? ` ${formatInstantDate(current.issuedAt)}` : ''}` : 'Draft'}</dd>
        </div>
        <div>
          <dt>Meeting</dt>
          <dd>{meetingInWords(current)}</dd>
        </div>
        <div>
          <dt>Kind of report</dt>
          <dd>{PACK_TEMPLATE_LABELS[current.template]}</dd>
        </div>
        <div>
          <dt>Reporting period</dt>
          <dd>{formatPeriod(current.periodStart, current.periodEnd)}</dd>
        </div>
      </dl>
      <div className="pack-workspace-frame">
        <div className="pack-workspace">
          <div className="pack-workspace-side">
            {issued ? <IssuedPack pack={current} /> : null}
            {editable ? <PackEditor key={current.id} pack={current} committees={committees.data} /> : null}
            {!issued && readOnly ? <p className="notice">This version of the plan has been superseded, so its packs are kept as they are.</p> : null}
          </div>
          <section className="pack-preview" aria-labelledby="pack-preview-heading">
            <h2 id="pack-preview-heading">Preview</h2>
            <p className="muted small">
              {issued ? 'The pack as it was issued.' : 'The pack as it prints now, from the plan as it is and what was last saved.'} Pages are A4; the printer
              may break them a line or two differently.
            </p>
            {document.error ? <ErrorNotice error={document.error} title="The preview could not be made" /> : null}
            {document.data ? <PackPreview document={document.data} label="Preview of the pack, page by page" /> : document.isPending ? <Loading what="the preview" /> : null}
          </section>
        </div>
      </div>
    </Page>
  );
}
