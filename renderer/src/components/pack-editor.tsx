// Editing a draft pack: the meeting, kind and period; the sections it prints; the cover sheet's
// particulars; the parts a person writes; and the KPIs whose charts print. One save sends it
// all; the services number the paragraphs, and the preview beside shows the result.
import { useMemo, useState } from 'react';
import { Button, Checkbox, CheckboxGroup, FieldError, Form, Input, Label, Radio, RadioGroup, Text, TextArea, TextField } from 'react-aria-components';
import type { Committee } from '../../../shared/contract';
import type { Pack, UpdatePackInput } from '../../../shared/contract-packs';
import { useContractMutation, useContractQuery } from '../client/hooks';
import { Choice, MultiChoice } from './Choice';
import { meetingOptions } from './pack-meetings';
import { PACK_SECTION_LABELS, PACK_SECTIONS, PACK_TEMPLATE_LABELS, PACK_TEMPLATES, WRITTEN_SECTIONS, type PackSection, type PackTemplate } from '../../../shared/vocabulary';
import { useServerErrors } from './server-errors';

const PARAGRAPHS_HINT = 'Leave a blank line between paragraphs: each prints as a numbered paragraph.';

function Written({ name, label, description, defaultValue, rows = 6 }: { name: string; label: string; description?: string; defaultValue: string; rows?: number }) {
  return (
    <TextField name={name} className="field" defaultValue={defaultValue}>
      <Label>{label}</Label>
      {description ? <Text slot="description">{description}</Text> : null}
      <TextArea rows={rows} />
      <FieldError className="field-error" />
    </TextField>
  );
}

function Line({ name, label, defaultValue, description }: { name: string; label: string; defaultValue: string; description?: string }) {
  return (
    <TextField name={name} className="field" defaultValue={defaultValue}>
      <Label>{label}</Label>
      {description ? <Text slot="description">{description}</Text> : null}
      <Input />
      <FieldError className="field-error" />
    </TextField>
  );
}

const text = (form: FormData, name: string) => String(form.get(name) ?? '');

export function PackEditor({ pack, committees }: { pack: Pack; committees: Committee[] }) {
  const update = useContractMutation('packs.update');
  const { error, fieldErrors, clearOnInput } = useServerErrors(update);
  const kpis = useContractQuery('kpis.list', { planId: pack.planId });
  const options = useMemo(() => meetingOptions(committees), [committees]);
  const [meetingId, setMeetingId] = useState(pack.meetingId ?? '');
  const [template, setTemplate] = useState<PackTemplate>(pack.template);
  const [keyDecision, setKeyDecision] = useState(pack.content.cover.keyDecision);
  const [exempt, setExempt] = useState(pack.content.cover.exempt);
  const [charts, setCharts] = useState<string[]>(pack.content.chartKpiIds ?? []);
  const [saved, setSaved] = useState(false);

  const meetingLabels = Object.fromEntries(options.map((option) => [option.meetingId, option.label]));
  const meetingIds = options.map((option) => option.meetingId);
  if (pack.meetingId && !meetingLabels[pack.meetingId]) {
    meetingIds.unshift(pack.meetingId);
    meetingLabels[pack.meetingId] = pack.committeeName ? `${pack.committeeName} (a meeting no longer in the calendar)` : 'A meeting no longer in the calendar';
  }
  const kpiOptions = (kpis.data ?? []).map((kpi) => ({ id: kpi.id, label: `${kpi.reference} ${kpi.name}` }));
  const { content } = pack;

  const save = (form: FormData) => {
    const chosen = new Set(form.getAll('content.sections').map(String));
    const input: UpdatePackInput = {
      packId: pack.id,
      ...(meetingId ? { meetingId } : {}),
      template,
      title: text(form, 'title'),
      periodStart: text(form, 'periodStart'),
      periodEnd: text(form, 'periodEnd'),
      content: {
        sections: PACK_SECTIONS.filter((section) => chosen.has(section)),
        cover: {
          author: text(form, 'content.cover.author'),
          authorContact: text(form, 'content.cover.authorContact'),
          leadOfficer: text(form, 'content.cover.leadOfficer'),
          wardsAffected: text(form, 'content.cover.wardsAffected'),
          keyDecision,
          exempt,
          exemptReason: exempt ? text(form, 'content.cover.exemptReason') : '',
        },
        summary: text(form, 'content.summary'),
        recommendations: text(form, 'content.recommendations'),
        nextSteps: text(form, 'content.nextSteps'),
        implications: {
          financial: text(form, 'content.implications.financial'),
          legal: text(form, 'content.implications.legal'),
          equalities: text(form, 'content.implications.equalities'),
          risk: text(form, 'content.implications.risk'),
        },
        chartKpiIds: charts.length > 0 ? charts : null,
      },
    };
    setSaved(false);
    update.mutate(input, { onSuccess: () => setSaved(true) });
  };

  const problems = error ? Object.values(fieldErrors).map((message) => (message.endsWith('.') ? message : `${message}.`)) : [];
  return (
    <div
      className="pack-editor"
      onInput={() => {
        clearOnInput();
        setSaved(false);
      }}
    >
      <Form
        className="form form-wide"
        aria-label="The pack"
        validationErrors={fieldErrors}
        validationBehavior="aria"
        onSubmit={(event) => {
          event.preventDefault();
          save(new FormData(event.currentTarget));
        }}
      >
        <section className="pack-editor-section" aria-labelledby="pack-meeting">
          <h2 id="pack-meeting">Meeting and period</h2>
          <Choice label="Meeting" name="meetingId" options={meetingIds} labels={meetingLabels} value={meetingId} onChange={setMeetingId} />
          <Choice label="Kind of report" name="template" options={PACK_TEMPLATES} labels={PACK_TEMPLATE_LABELS} value={template} onChange={setTemplate} />
          <div className="field-row pack-period">
            <TextField name="periodStart" type="date" className="field" defaultValue={pack.periodStart}>
              <Label>Reporting period from</Label>
              <Input />
              <FieldError className="field-error" />
            </TextField>
            <TextField name="periodEnd" type="date" className="field" defaultValue={pack.periodEnd}>
              <Label>to</Label>
              <Input />
              <FieldError className="field-error" />
            </TextField>
          </div>
          <Line name="title" label="Title" defaultValue={pack.title} />
        </section>

        <section className="pack-editor-section" aria-labelledby="pack-sections">
          <h2 id="pack-sections">What the pack includes</h2>
          <CheckboxGroup name="content.sections" className="field checkbox-list" defaultValue={content.sections}>
            <Label>Sections, in the order they print</Label>
            {PACK_SECTIONS.map((section: PackSection) => (
              <Checkbox key={section} value={section} className="checkbox">
                <span className="checkbox-box" aria-hidden="true" />
                <span>
                  {PACK_SECTION_LABELS[section]}
                  {WRITTEN_SECTIONS.includes(section) ? <span className="muted"> (you write it)</span> : null}
                </span>
              </Checkbox>
            ))}
            <FieldError className="field-error" />
          </CheckboxGroup>
          <MultiChoice label="KPIs whose trend charts print" options={kpiOptions} value={charts} onChange={setCharts} anyLabel="Those rated red or amber" />
        </section>

        <section className="pack-editor-section" aria-labelledby="pack-cover">
          <h2 id="pack-cover">Cover sheet</h2>
          <Line name="content.cover.author" label="Report author" defaultValue={content.cover.author} />
          <Line name="content.cover.authorContact" label="Author’s contact" description="Email and telephone, as the cover sheet shows them." defaultValue={content.cover.authorContact} />
          <Line name="content.cover.leadOfficer" label="Lead officer" defaultValue={content.cover.leadOfficer} />
          <Line name="content.cover.wardsAffected" label="Wards affected" defaultValue={content.cover.wardsAffected} />
          <Checkbox className="checkbox" isSelected={keyDecision} onChange={setKeyDecision}>
            <span className="checkbox-box" aria-hidden="true" />
            This is a key decision
          </Checkbox>
          <RadioGroup className="field" name="content.cover.exempt" value={exempt ? 'exempt' : 'public'} onChange={(value) => setExempt(value === 'exempt')}>
            <Label>Publication</Label>
            <Radio value="public" className="radio">
              <span className="radio-label">Public</span>
            </Radio>
            <Radio value="exempt" className="radio">
              <span className="radio-label">Exempt from publication</span>
              <span className="muted small">Under a paragraph of Schedule 12A to the Local Government Act 1972, given below.</span>
            </Radio>
            <FieldError className="field-error" />
          </RadioGroup>
          {exempt ? (
            <Written
              name="content.cover.exemptReason"
              label="Why it is exempt"
              description="The paragraph of Schedule 12A and what it covers, such as “Paragraph 2: information likely to reveal the identity of an individual”."
              defaultValue={content.cover.exemptReason}
              rows={2}
            />
          ) : null}
        </section>

        <section className="pack-editor-section" aria-labelledby="pack-written">
          <h2 id="pack-written">What you write</h2>
          <p className="muted">{PARAGRAPHS_HINT} The rest of the pack comes from the plan.</p>
          <Written name="content.summary" label="Summary" defaultValue={content.summary} />
          <Written name="content.recommendations" label="Recommendations" defaultValue={content.recommendations} description="Such as “The Board is recommended to note …”." />
          <Written name="content.nextSteps" label="Next steps" defaultValue={content.nextSteps} rows={4} />
          <Written name="content.implications.financial" label="Financial implications" defaultValue={content.implications.financial} rows={3} />
          <Written name="content.implications.legal" label="Legal implications" defaultValue={content.implications.legal} rows={3} />
          <Written name="content.implications.equalities" label="Equalities implications" defaultValue={content.implications.equalities} rows={3} />
          <Written name="content.implications.risk" label="Risk management" defaultValue={content.implications.risk} rows={3} />
        </section>

        <div className="pack-editor-save">
          {error ? (
            <p role="alert" className="pack-editor-error">
              Nothing was saved. {problems.length > 0 ? problems.join(' ') : error.message}
            </p>
          ) : null}
          <p role="status" className="pack-editor-status">
            {update.isPending ? 'Saving…' : saved ? 'Saved. The preview shows the pack as it now prints.' : ''}
          </p>
          <Button type="submit" className="button button-primary" isDisabled={update.isPending}>
            Save and update the preview
          </Button>
        </div>
      </Form>
    </div>
  );
}
