// The time left of an exam attempt, counted down in the page from the server's count (the server's deadline
// decides; at zero the page reloads and shows the attempt as the server closed it).
(function () {
  var el = document.getElementById('countdown');
  if (!el) {
    return;
  }
  var left = parseInt(el.getAttribute('data-seconds-left'), 10);
  if (isNaN(left)) {
    return;
  }
  var end = Date.now() + left * 1000;
  function pad(n) {
    return n < 10 ? '0' + n : String(n);
  }
  function tick() {
    var s = Math.max(0, Math.round((end - Date.now()) / 1000));
    el.textContent = Math.floor(s / 60) + ':' + pad(s % 60);
    if (s === 0) {
      window.location.reload();
      return;
    }
    window.setTimeout(tick, 1000);
  }
  tick();
})();
