// Splitting the pasted "What needs to improve" section of an Ofsted report into recommendations
// (DOMAIN.md section 1: a report ends with 6 to 16 of them). The wording follows ILACS reports'
// recommendations; the layouts are those that copying from the report's PDF, from Word or from
// an email produces.
import { describe, expect, it } from 'vitest';
import { splitRecommendations, titleFromText } from '../../shared/recommendations';

const OVERSIGHT = 'The quality and impact of management oversight and supervision of social work practice.';
const MISSING = 'Timely and effective response to children who go missing from home or care, including the quality of return home interviews.';
const PLO = 'The use of the pre-proceedings stage of the Public Law Outline, so that children do not experience drift and delay.';
const CARE_LEAVERS = 'The quality of pathway plans for care leavers, and their access to suitable accommodation.';

describe('splitRecommendations', () => {
  it.each<[string, string, string[]]>([
    [
      'bullets copied from the PDF, with the question heading and hard line breaks',
      [
        'What needs to improve in this local authority?',
        '• The quality and impact of management oversight and supervision of social',
        'work practice.',
        '• Timely and effective response to children who go missing from home or care,',
        'including the quality of return home interviews.',
        '• The use of the pre-proceedings stage of the Public Law Outline, so that',
        'children do not experience drift and delay.',
      ].join('\n'),
      [OVERSIGHT, MISSING, PLO],
    ],
    [
      'Ofsted’s square bullets, each glyph on its own line as some PDF readers copy them',
      ['What needs to improve', '■', OVERSIGHT, '■', MISSING].join('\n'),
      [OVERSIGHT, MISSING],
    ],
    [
      'Symbol-font bullets from Word (private use glyphs) and tabs',
      `\uf0b7\t${OVERSIGHT}\n\uf0b7\t${MISSING}`,
      [OVERSIGHT, MISSING],
    ],
    ['hyphen bullets', `- ${OVERSIGHT}\n- ${MISSING}`, [OVERSIGHT, MISSING]],
    ['asterisk bullets', `* ${OVERSIGHT}\n* ${MISSING}`, [OVERSIGHT, MISSING]],
    ['en dash bullets', `– ${OVERSIGHT}\n– ${MISSING}`, [OVERSIGHT, MISSING]],
    ['numbered "1."', `1. ${OVERSIGHT}\n2. ${MISSING}\n3. ${PLO}`, [OVERSIGHT, MISSING, PLO]],
    ['numbered "1)"', `1) ${OVERSIGHT}\n2) ${MISSING}`, [OVERSIGHT, MISSING]],
    ['numbered "(1)"', `(1) ${OVERSIGHT}\n(2) ${MISSING}`, [OVERSIGHT, MISSING]],
    ['numbered "1 -"', `1 - ${OVERSIGHT}\n2 – ${MISSING}`, [OVERSIGHT, MISSING]],
    [
      'numbered items with blank lines between them and wrapped lines',
      '1. The quality and impact of management oversight and supervision of\nsocial work practice.\n\n2. Timely and effective response to children who go missing from home\nor care, including the quality of return home interviews.\n',
      [OVERSIGHT, MISSING],
    ],
    [
      'a wrapped line that starts with a number is not a new item unless it is the next number',
      '1. Assessments that are completed within\n45 working days and take account of children’s histories.\n2. Plans for children in care reviewed within\n6 months.',
      [
        'Assessments that are completed within 45 working days and take account of children’s histories.',
        'Plans for children in care reviewed within 6 months.',
      ],
    ],
    [
      'one per paragraph, separated by blank lines, wrapped inside',
      `What needs to improve in this local authority?\n\nThe quality and impact of management oversight and supervision\nof social work practice.\n\n${MISSING}\n\n\n${CARE_LEAVERS}\n`,
      [OVERSIGHT, MISSING, CARE_LEAVERS],
    ],
    [
      'one per line when pasted from a list typed without bullets or full stops',
      'Management oversight and supervision\nReturn home interviews for children who go missing\nSufficiency of homes for children in care',
      ['Management oversight and supervision', 'Return home interviews for children who go missing', 'Sufficiency of homes for children in care'],
    ],
    [
      'a block of PDF lines without markers or blank lines, broken after each full stop',
      [
        'The quality and impact of management oversight and supervision of social',
        'work practice.',
        'Timely and effective response to children who go missing from home or care,',
        'including the quality of return home interviews.',
        'The use of the pre-proceedings stage of the Public Law',
        'Outline, so that children do not experience drift and delay.',
      ].join('\n'),
      [OVERSIGHT, MISSING, PLO],
    ],
    [
      'words the PDF hyphenated at the line end are rejoined; real compounds keep their hyphen',
      [
        '• The quality and impact of management over-',
        'sight and supervision of social work practice.',
        '• The use of the pre-',
        'proceedings stage of the Public Law Outline, so that children do not experience drift and delay.',
        '• Multi-',
        'agency responses to children at risk of exploitation, and their up-to-',
        'date safety plans.',
      ].join('\n'),
      [OVERSIGHT, PLO, 'Multi-agency responses to children at risk of exploitation, and their up-to-date safety plans.'],
    ],
    [
      'a hyphenated word is rejoined as the text writes it elsewhere',
      '• Re-\nreferrals within 12 months.\n• The rate of re-referrals and of repeat child protection plans.',
      ['Re-referrals within 12 months.', 'The rate of re-referrals and of repeat child protection plans.'],
    ],
    [
      'soft hyphens, non-breaking spaces and Windows line ends',
      `•\u00a0The quality and impact of manage\u00adment oversight and supervision of social\r\nwork practice.\r\n•\u00a0${MISSING}\r\n`,
      [OVERSIGHT, MISSING],
    ],
    [
      'the trailing "; and" and semicolons of a list are trimmed, inner punctuation kept',
      [
        'The local authority should improve:',
        '• the consistency of management oversight, including supervision, so that plans progress;',
        '• the response to 16- and 17-year-old children who present as homeless; and',
        '• the timeliness of initial health assessments (within 20 working days).',
      ].join('\n'),
      [
        'the consistency of management oversight, including supervision, so that plans progress',
        'the response to 16- and 17-year-old children who present as homeless',
        'the timeliness of initial health assessments (within 20 working days).',
      ],
    ],
    [
      'SIF recommendations grouped under "Immediate action" and "Within three months", numbered on',
      [
        'Areas for improvement',
        'Immediate action',
        '1. Ensure that all children who go missing are offered a return home interview.',
        'Within three months',
        '2. Improve the quality of supervision, so that it is regular and reflective.',
      ].join('\n'),
      [
        'Ensure that all children who go missing are offered a return home interview.',
        'Improve the quality of supervision, so that it is regular and reflective.',
      ],
    ],
    ['nothing but a heading', 'What needs to improve in this local authority?\n\n', []],
    ['nothing at all', '   \n \n', []],
  ])('%s', (_name, text, expected) => {
    expect(splitRecommendations(text)).toEqual(expected);
  });

  it('keeps an item that follows the list after a blank line as an item of its own, for the user to keep or remove', () => {
    expect(splitRecommendations(`• ${OVERSIGHT}\n• ${MISSING}\n\n${CARE_LEAVERS}`)).toEqual([OVERSIGHT, MISSING, CARE_LEAVERS]);
  });

  it('joins a paragraph that a page break cut mid-sentence back into its bullet', () => {
    expect(splitRecommendations('• The quality and impact of management oversight and supervision\n\nof social work practice.\n• Timely and effective response to children who go missing from home or care, including the quality of return home interviews.')).toEqual([
      OVERSIGHT,
      MISSING,
    ]);
  });
});

describe('titleFromText', () => {
  it.each([
    ['a short finding becomes the title without its full stop', 'Return home interviews are not timely.', 'Return home interviews are not timely'],
    [
      'a long first sentence is cut at its last clause within the limit',
      'Strategy discussions do not consistently include health and education, and the rationale for their outcome is not always recorded.',
      'Strategy discussions do not consistently include health and education',
    ],
    [
      'only the first sentence is used',
      'Management oversight is recorded more often. It does not always give clear direction or timescales.',
      'Management oversight is recorded more often',
    ],
    [
      'a long sentence without a clause is cut at a word, marked by an ellipsis',
      'Assessments do not yet consistently take account of children’s histories and chronologies are often missing or out of date for children in need',
      'Assessments do not yet consistently take account of children’s histories and chronologies are often…',
    ],
  ])('%s', (_name, text, title) => {
    expect(titleFromText(text)).toBe(title);
    expect(title.length).toBeLessThanOrEqual(101);
  });
});
