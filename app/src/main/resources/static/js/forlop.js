// Sends the CSRF token with every htmx request (Spring Security refuses a POST without it).
document.addEventListener("htmx:configRequest", function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// The Content-Security-Policy allows no inline style or script (issue 14): the lead-time bars carry
// their sizes as data attributes, set here through the CSSOM, and print buttons say data-print.
function forlopPercent(value) {
  var number = parseFloat(value);
  return isFinite(number) ? Math.max(0, Math.min(100, number)) + "%" : null;
}

function forlopHarden(root) {
  root.querySelectorAll("[data-width]").forEach(function (element) {
    var width = forlopPercent(element.dataset.width);
    if (width !== null) {
      element.style.width = width;
    }
  });
  root.querySelectorAll("[data-left]").forEach(function (element) {
    var left = forlopPercent(element.dataset.left);
    if (left !== null) {
      element.style.left = left;
    }
  });
  root.querySelectorAll("[data-print]").forEach(function (element) {
    element.addEventListener("click", function () {
      window.print();
    });
  });
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", function () {
    forlopHarden(document);
  });
} else {
  forlopHarden(document);
}
