/* The catalogue's finder: filters the rows as you type, by department and by language.
   Plain JavaScript, no network; without it the page shows every service. Searching
   compares folded text: lower case, ё as е, accents dropped (like memogen's render/collation.py). */
(function () {
  "use strict";
  var form = document.getElementById("mg-finder");
  if (!form || !("normalize" in String.prototype)) return;
  var query = document.getElementById("mg-q");
  var department = document.getElementById("mg-department");
  var language = document.getElementById("mg-language");
  var shown = document.getElementById("mg-shown");
  var nothing = document.getElementById("mg-nothing");
  var rows = Array.prototype.slice.call(document.querySelectorAll("li.service"));
  var groups = Array.prototype.slice.call(document.querySelectorAll("[data-department]:not(li.service)"));

  function fold(text) {
    return text.toLowerCase().replace(/ё/g, "е").normalize("NFD")
      .replace(/[\u0300-\u0305\u0307-\u036f]/g, "").normalize("NFC")
      .replace(/\s+/g, " ").trim();
  }

  function apply() {
    var words = fold(query.value).split(" ").filter(Boolean);
    var place = department.value;
    var lang = language ? language.value : "";
    var count = 0;
    var per = {};
    rows.forEach(function (row) {
      var text = row.getAttribute("data-search");
      var where = row.getAttribute("data-department");
      var match = (!place || where === place) &&
        (!lang || row.getAttribute("data-lang") === lang) &&
        words.every(function (word) { return text.indexOf(word) !== -1; });
      row.hidden = !match;
      if (match) {
        count += 1;
        per[where] = (per[where] || 0) + 1;
      }
    });
    groups.forEach(function (group) {
      var found = per[group.getAttribute("data-department")] || 0;
      var counter = group.querySelector(".count");
      group.hidden = !found;
      if (counter) counter.textContent = counter.textContent.replace(/\d+/, String(found));
    });
    shown.textContent = String(count);
    nothing.hidden = count > 0;
  }

  form.addEventListener("submit", function (event) { event.preventDefault(); });
  query.addEventListener("input", apply);
  department.addEventListener("change", apply);
  if (language) language.addEventListener("change", apply);
  var given = new URLSearchParams(window.location.search).get("q");
  if (given) query.value = given;
  var contents = document.getElementById("mg-contents");
  if (contents && window.matchMedia("(max-width: 560px)").matches) contents.open = false;
  form.hidden = false;
  apply();
}());
