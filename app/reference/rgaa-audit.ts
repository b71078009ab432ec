/**
 * The RGAA 4.1 self-audit of the main pages (issue 17), criterion by criterion: C conformant,
 * NC not conformant, NA not applicable. The accessibility statement computes its rate from it and
 * docs/accessibility/rgaa-audit.md is generated from it (a unit test checks they agree).
 */
export const RGAA_AUDIT_DATE = "2026-12-02";
export type RgaaStatus = "C" | "NC" | "NA";
export const RGAA_AUDIT: readonly { id: string; status: RgaaStatus; evidence: string }[] = [
  {
    id: "1.1",
    status: "C",
    evidence:
      "Decorative SVGs (brand mark, map swatches) are aria-hidden; the world map is role=img labelled by its figcaption (e2e: rgaa.spec checks the map's accessible name equals its caption). axe: image-alt, svg-img-alt.",
  },
  { id: "1.2", status: "C", evidence: "Decorative images are aria-hidden with focusable=false (code review of components)." },
  {
    id: "1.3",
    status: "C",
    evidence:
      "The world map's text alternative (figcaption) names what it shows; each country path has a <title> (e2e: rgaa.spec checks the caption is the map's name).",
  },
  { id: "1.4", status: "NA", evidence: "No CAPTCHA or test image." },
  { id: "1.5", status: "NA", evidence: "No CAPTCHA." },
  {
    id: "1.6",
    status: "C",
    evidence:
      "The world map has a detailed description: the table of countries under it (e2e: rgaa.spec checks every country the map colours is a row of that table).",
  },
  {
    id: "1.7",
    status: "C",
    evidence: "The table of countries repeats every value the map encodes (e2e: rgaa.spec checks each coloured country's title matches a table row).",
  },
  { id: "1.8", status: "NA", evidence: "No image of text." },
  { id: "1.9", status: "C", evidence: "The map's caption is a <figcaption> referenced by aria-labelledby (e2e: rgaa.spec)." },
  { id: "2.1", status: "NA", evidence: "No frame." },
  { id: "2.2", status: "NA", evidence: "No frame." },
  {
    id: "3.1",
    status: "C",
    evidence: "Statuses, overdue dates and exposure levels are written in words, never only by colour (overdue cells carry a visually hidden '(overdue)').",
  },
  {
    id: "3.2",
    status: "C",
    evidence: "axe color-contrast reports nothing on every audited page, in both languages (e2e: first-hour.spec and the existing specs' expectAccessible).",
  },
  { id: "3.3", status: "C", evidence: "Focus outline and form borders contrast at least 3:1 with the background (style review of :focus-visible and inputs)." },
  { id: "4.1", status: "NA", evidence: "No audio, video or animated media." },
  { id: "4.2", status: "NA", evidence: "No audio, video or animated media." },
  { id: "4.3", status: "NA", evidence: "No audio, video or animated media." },
  { id: "4.4", status: "NA", evidence: "No audio, video or animated media." },
  { id: "4.5", status: "NA", evidence: "No audio, video or animated media." },
  { id: "4.6", status: "NA", evidence: "No audio, video or animated media." },
  { id: "4.7", status: "NA", evidence: "No audio, video or animated media." },
  { id: "4.8", status: "NA", evidence: "No audio, video or animated media." },
  { id: "4.9", status: "NA", evidence: "No audio, video or animated media." },
  { id: "4.10", status: "NA", evidence: "No audio, video or animated media." },
  { id: "4.11", status: "NA", evidence: "No audio, video or animated media." },
  { id: "4.12", status: "NA", evidence: "No audio, video or animated media." },
  { id: "4.13", status: "NA", evidence: "No audio, video or animated media." },
  { id: "5.1", status: "NA", evidence: "No complex data table (every table has a single row of column headers)." },
  { id: "5.2", status: "NA", evidence: "No complex data table." },
  { id: "5.3", status: "NA", evidence: "No layout table." },
  {
    id: "5.4",
    status: "C",
    evidence: "Every data table has a <caption> (visible or visually hidden) (code review; axe th-has-data-cells in first-hour.spec).",
  },
  { id: "5.5", status: "C", evidence: "Captions name the table's content (register, audit log, countries, departments)." },
  { id: "5.6", status: "C", evidence: "Every column header is a <th scope=col> (code review; axe: th-has-data-cells)." },
  { id: "5.7", status: "C", evidence: "Headers are associated through scope." },
  { id: "5.8", status: "NA", evidence: "No layout table." },
  {
    id: "6.1",
    status: "C",
    evidence: "Links are explicit on their own or with their context; repeated 'Download' links carry the file name in visually hidden text. axe: link-name.",
  },
  { id: "6.2", status: "C", evidence: "Every link has a name (axe: link-name)." },
  {
    id: "7.1",
    status: "C",
    evidence: "Scripts are progressive enhancement: every form works without JavaScript; custom controls are native elements (details/summary, buttons).",
  },
  { id: "7.2", status: "C", evidence: "Script-free alternative: every feature works without JavaScript (forms are plain POST/GET)." },
  { id: "7.3", status: "C", evidence: "Everything is operable with the keyboard only (e2e: first-hour.spec walks setup to PDF with the keyboard)." },
  { id: "7.4", status: "C", evidence: "No change of context without the user's action: selects never submit on change." },
  { id: "7.5", status: "C", evidence: "Status messages use role=status / role=alert (result counts, toasts, form errors)." },
  { id: "8.1", status: "C", evidence: "HTML5 doctype on every page (Remix document)." },
  { id: "8.2", status: "C", evidence: "Generated markup is valid (React/Remix); axe reports no duplicate id or invalid ARIA." },
  { id: "8.3", status: "C", evidence: "<html lang> follows the interface language." },
  { id: "8.4", status: "C", evidence: "The lang value is fr or en." },
  { id: "8.5", status: "C", evidence: "Every page has a <title>." },
  {
    id: "8.6",
    status: "C",
    evidence:
      "Every page has a specific title: page \u2014 organization \u2014 Registre (fixed in issue 17: the dashboard and register list said only 'Registre'; e2e: first-hour.spec checks the dashboard title).",
  },
  { id: "8.7", status: "C", evidence: "Language changes are marked: the FR/EN buttons carry lang." },
  { id: "8.8", status: "C", evidence: "Language codes are valid." },
  { id: "8.9", status: "C", evidence: "No tag used only for presentation (code review)." },
  { id: "8.10", status: "NA", evidence: "No change of reading direction." },
  {
    id: "9.1",
    status: "C",
    evidence:
      "Headings are structured: exactly one h1, the first heading, and no skipped level on login, dashboard, register, activity page and form, guided declaration, DPIA, vendors, vendor page, sovereignty, exports, audit log and the statement (e2e: rgaa.spec; fixed in it: the DPIA page jumped from h1 to h3 before a DPIA existed). axe: page-has-heading-one.",
  },
  {
    id: "9.2",
    status: "C",
    evidence:
      "Landmarks: one banner, one main, one contentinfo and named navigation landmarks on every audited page (e2e: rgaa.spec; fixed in it: the sign-in page and the statement had no navigation landmark, the footer links are now a named nav).",
  },
  { id: "9.3", status: "C", evidence: "Lists are marked up as ul/ol/dl." },
  { id: "9.4", status: "NA", evidence: "No quotation." },
  { id: "10.1", status: "C", evidence: "Presentation is in CSS only." },
  { id: "10.2", status: "C", evidence: "Content stays readable without CSS (source order = reading order)." },
  { id: "10.3", status: "C", evidence: "Content stays understandable without CSS." },
  { id: "10.4", status: "C", evidence: "Text resizes to 200 % without loss (relative units)." },
  { id: "10.5", status: "C", evidence: "Foreground and background colours are declared together." },
  { id: "10.6", status: "C", evidence: "Links in text are underlined." },
  {
    id: "10.7",
    status: "C",
    evidence:
      "Visible focus: an outline or shadow on each of the first tab stops of every audited page (e2e: rgaa.spec) and on every element first-hour.spec reaches with Tab.",
  },
  { id: "10.8", status: "C", evidence: "No content hidden from assistive technologies that should be read (visually-hidden class keeps it readable)." },
  { id: "10.9", status: "C", evidence: "Information is never given by shape, size or position alone." },
  { id: "10.10", status: "C", evidence: "Same as 10.9 for every user." },
  {
    id: "10.11",
    status: "C",
    evidence:
      "Content reflows at 320 CSS px without horizontal page scrolling on every audited page; data tables scroll inside a focusable region (e2e: rgaa.spec measures the page's scroll width at 320 px; fixed in it: visually hidden texts in wide tables escaped their scroll region and widened the register, activity and vendor pages to 560-1150 px).",
  },
  { id: "10.12", status: "C", evidence: "Text spacing can be increased without loss (no fixed heights on text)." },
  { id: "10.13", status: "C", evidence: "Additional content on focus or hover (details/summary) is controllable and dismissable." },
  { id: "10.14", status: "C", evidence: "Additional content shown by CSS is reachable by keyboard (none hidden on hover only)." },
  { id: "11.1", status: "C", evidence: "Every field has a label (axe: label; e2e: first-hour.spec fills every field by its label)." },
  { id: "11.2", status: "C", evidence: "Labels are relevant and hints are linked with aria-describedby." },
  { id: "11.3", status: "C", evidence: "Same function, same label across pages." },
  { id: "11.4", status: "C", evidence: "Label and field are adjacent." },
  { id: "11.5", status: "C", evidence: "Related fields are grouped in fieldsets (identity, DPO, guided steps, template groups)." },
  { id: "11.6", status: "C", evidence: "Every fieldset has a legend." },
  { id: "11.7", status: "C", evidence: "Legends are relevant." },
  { id: "11.8", status: "C", evidence: "Options of selects are grouped where needed; checkbox groups are fieldsets." },
  { id: "11.9", status: "C", evidence: "Buttons have relevant names (axe: button-name)." },
  {
    id: "11.10",
    status: "C",
    evidence:
      "Errors are identified in text next to the field and at the top (role=alert), fields get aria-invalid (e2e: first-run.spec checks aria-invalid and the linked error message).",
  },
  { id: "11.11", status: "C", evidence: "Error messages say how to fix the input (expected format, choice)." },
  { id: "11.12", status: "C", evidence: "Changes with legal effect (approval, archiving, deletion) are confirmed or reversible (restore, new version)." },
  { id: "11.13", status: "C", evidence: "Personal fields carry autocomplete (name, email, username, current/new-password)." },
  { id: "12.1", status: "C", evidence: "Two navigation systems: the organization menu and a site map page (added in issue 17, linked from the footer)." },
  { id: "12.2", status: "C", evidence: "Menu and footer are at the same place on every page." },
  { id: "12.3", status: "C", evidence: "The site map lists every page the member may open." },
  { id: "12.4", status: "C", evidence: "The site map is reached the same way (footer) on every page." },
  { id: "12.5", status: "C", evidence: "The search of the register is reached the same way." },
  {
    id: "12.6",
    status: "C",
    evidence:
      "Landmarks identify header, navigation, main content and footer (e2e: rgaa.spec counts banner, main, contentinfo and named navigations on every audited page).",
  },
  {
    id: "12.7",
    status: "C",
    evidence:
      "A skip link to the main content is the first tab stop, is visible when focused and moves the focus to main; the next Tab goes on from there (e2e: rgaa.spec on every audited page, first-hour.spec).",
  },
  { id: "12.8", status: "C", evidence: "Tab order follows the reading order (e2e: first-hour.spec reaches each field in reading order with Tab)." },
  { id: "12.9", status: "C", evidence: "No keyboard trap (e2e: first-hour.spec tabs through whole pages)." },
  { id: "12.10", status: "NA", evidence: "No single-character shortcut." },
  { id: "12.11", status: "C", evidence: "Additional content (details, toasts) is reachable by keyboard." },
  { id: "13.1", status: "C", evidence: "No time limit on a page; sessions last days and expire only after inactivity, forms are kept on error." },
  { id: "13.2", status: "C", evidence: "No new window opens without warning." },
  {
    id: "13.3",
    status: "C",
    evidence: "Downloadable documents are accessible: the PDF is tagged PDF/A with bookmarks and a language (see pdf-documents tests).",
  },
  { id: "13.4", status: "C", evidence: "Every document is also available as HTML (activity pages, public register)." },
  { id: "13.5", status: "NA", evidence: "No cryptic content." },
  { id: "13.6", status: "NA", evidence: "No cryptic content." },
  { id: "13.7", status: "C", evidence: "No flashing content." },
  { id: "13.8", status: "C", evidence: "The toast moves once, for less than 5 seconds, and does not blink." },
  { id: "13.9", status: "C", evidence: "Content works in both orientations." },
  { id: "13.10", status: "NA", evidence: "No complex gesture." },
  { id: "13.11", status: "NA", evidence: "No action triggered on pointer down." },
  { id: "13.12", status: "NA", evidence: "No motion-operated feature." },
];

/** The RGAA global rate: conformant criteria over applicable ones (C + NC), in percent, rounded down. */
export function rgaaConformanceRate(audit: readonly { status: RgaaStatus }[] = RGAA_AUDIT): number {
  const c = audit.filter((x) => x.status === "C").length;
  const nc = audit.filter((x) => x.status === "NC").length;
  return c + nc === 0 ? 100 : Math.floor((c / (c + nc)) * 100);
}

/** "totalement" from 100 %, "partiellement" from 50 %, otherwise "non conforme" (RGAA statement wording). */
export function rgaaConformanceLevel(rate = rgaaConformanceRate()): "full" | "partial" | "none" {
  return rate === 100 ? "full" : rate >= 50 ? "partial" : "none";
}
