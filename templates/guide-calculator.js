/* The guide's deadline calculator: the clock of memogen/data/clock.py, in plain JavaScript.
   It reads the calendar embedded in the page (script#calendar-data): working hours, lunch,
   cut-off, the days that differ from a Monday-to-Friday week, and each deadline in minutes.
   Moments are whole minutes on the wall clock of the calendar's time zone, kept as UTC
   numbers so that the browser's own zone never interferes. No network, no framework. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("calendar-data").textContent);
  var form = document.getElementById("calculator");
  var input = document.getElementById("calc-filed");
  var note = document.getElementById("calc-note");
  var off = new Set(data.off), work = new Set(data.work), shortened = new Set(data.short);
  var years = new Set(data.years);
  var DAY = 1440, MAX_DAYS = 200000;

  function dayKey(day) {
    return new Date(day * 86400000).toISOString().slice(0, 10);
  }

  function isWorking(day) {
    var key = dayKey(day), weekday = new Date(day * 86400000).getUTCDay();
    if (work.has(key)) return true;
    return weekday !== 0 && weekday !== 6 && !off.has(key);
  }

  function stretches(day) {
    if (!isWorking(day)) return [];
    var base = day * DAY, begin = base + data.hours[0], end = base + data.hours[1];
    if (shortened.has(dayKey(day))) end -= 60;
    var list = [[begin, end]];
    if (data.lunch) {
      list = [[begin, Math.min(end, base + data.lunch[0])], [Math.max(begin, base + data.lunch[1]), end]];
    }
    return list.filter(function (s) { return s[0] < s[1]; });
  }

  // Calls visit(begin, end) on each working stretch from `moment` on, until it returns a moment.
  function walk(moment, visit) {
    var day = Math.floor(moment / DAY);
    for (var n = 0; n < MAX_DAYS; n++, day++) {
      var list = stretches(day);
      for (var i = 0; i < list.length; i++) {
        if (list[i][1] > moment) {
          var found = visit(Math.max(list[i][0], moment), list[i][1]);
          if (found !== undefined) return found;
        }
      }
    }
    return moment;
  }

  function start(filed) {
    var moment = filed;
    if (data.cutoff !== null && filed % DAY > data.cutoff) moment = (Math.floor(filed / DAY) + 1) * DAY;
    return walk(moment, function (begin) { return begin; });
  }

  function add(moment, span) {
    if (!span.business) return moment + span.minutes;
    var left = span.minutes;
    return walk(moment, function (begin, end) {
      if (left <= end - begin) return begin + left;
      left -= end - begin;
      return undefined;
    });
  }

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function words(moment) {
    var d = new Date(moment * 60000);
    return d.getUTCDate() + " " + data.months[d.getUTCMonth()] + " " + d.getUTCFullYear() +
      ", " + pad(d.getUTCHours()) + ":" + pad(d.getUTCMinutes());
  }

  function show(id, moment) {
    var element = document.getElementById(id);
    if (!element) return;
    element.value = words(moment);
    element.setAttribute("data-moment", new Date(moment * 60000).toISOString().slice(0, 16));
  }

  function parse(value) {
    var m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
    return m ? Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]) / 60000 : null;
  }

  function update() {
    var filed = parse(input.value);
    if (filed === null) return;
    var begin = start(filed), moment = begin, latest = begin;
    if (data.ack) show("calc-ack", add(begin, data.ack));
    data.stages.forEach(function (span, i) {
      moment = add(moment, span);
      latest = Math.max(latest, moment);
      show("calc-stage-" + (i + 1), moment);
    });
    var ready = add(begin, data.deadline);
    show("calc-ready", ready);
    latest = Math.max(latest, ready);
    var outside = false, last = new Date(latest * 60000).getUTCFullYear();
    for (var year = new Date(filed * 60000).getUTCFullYear(); year <= last; year++) {
      if (!years.has(year)) outside = true;
    }
    note.textContent = outside ? data.outside : "";
  }

  input.addEventListener("input", update);
  form.addEventListener("submit", function (event) { event.preventDefault(); update(); });
  form.hidden = false;
  update();
})();
