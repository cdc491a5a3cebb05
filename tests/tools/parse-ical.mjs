// Reads an iCalendar file on stdin and prints what Mozilla's ical.js makes of it, as JSON, so
// the .NET tests check our files against an independent, widely used parser.
// Every VTIMEZONE in the file is registered first: times with a TZID are then converted to UTC
// by the file's own time-zone rules, which is exactly what a calendar client does.
import ICAL from 'ical.js';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
// fatal: a UTF-8 sequence cut in two by line folding must fail the test, not become U+FFFD.
const text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));

const calendar = new ICAL.Component(ICAL.parse(text));
for (const zone of calendar.getAllSubcomponents('vtimezone')) {
  ICAL.TimezoneService.register(zone);
}

const time = (value) => value && {
  isDate: value.isDate,
  local: value.toString(),
  tzid: value.zone?.tzid ?? null,
  utc: value.isDate ? null : value.toJSDate().toISOString(),
};

const events = calendar.getAllSubcomponents('vevent').map((vevent) => {
  const event = new ICAL.Event(vevent);
  return {
    uid: event.uid,
    sequence: event.sequence,
    summary: event.summary,
    description: event.description,
    location: event.location,
    status: vevent.getFirstPropertyValue('status'),
    url: vevent.getFirstPropertyValue('url'),
    stamp: vevent.getFirstPropertyValue('dtstamp')?.toString() ?? null,
    start: time(event.startDate),
    end: vevent.hasProperty('dtend') ? time(event.endDate) : null,
  };
});

process.stdout.write(JSON.stringify({
  version: calendar.getFirstPropertyValue('version'),
  prodid: calendar.getFirstPropertyValue('prodid'),
  method: calendar.getFirstPropertyValue('method'),
  name: calendar.getFirstPropertyValue('x-wr-calname'),
  timezones: calendar.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid')),
  events,
}));
