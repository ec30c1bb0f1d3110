/*
 * Runs before the pane's bundle, in the oldest syntax (ES5), so that an old web view says so in one
 * sentence instead of staying on "Starting…". Office on Windows before Microsoft 365 (volume-licensed
 * Office 2019 or older) shows add-ins in Internet Explorer 11 or the original Edge, which cannot parse
 * the pane's modern JavaScript; the custom functions' shared runtime needs a newer Office anyway.
 */
(function () {
  var w = window;
  var modern = typeof w.Promise === "function" && typeof w.fetch === "function" && typeof Object.assign === "function" && typeof w.Symbol === "function" && typeof Array.prototype.includes === "function";
  if (modern) return;
  var status = document.getElementById("host-status");
  if (status) status.textContent = "This version of Office shows add-ins in an old web view that cannot run this add-in: use Excel in Microsoft 365 (Windows or Mac) or Excel on the web.";
  document.body.setAttribute("data-host", "unsupported");
})();
