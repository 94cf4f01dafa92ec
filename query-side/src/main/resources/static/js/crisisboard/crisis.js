// The episode page counts down what is due now: the acknowledgement and the rescue's confirmation.
(function () {
  const data = document.getElementById('countdown-labels');
  const labels = data ? JSON.parse(data.textContent) : {};

  function duration(seconds) {
    if (seconds < 3600) {
      return Math.floor(seconds / 60) + ':' + String(seconds % 60).padStart(2, '0');
    }
    const minutes = Math.floor(seconds / 60);
    return (labels.hoursMinutes || '{0} h {1} min')
      .replace('{0}', Math.floor(minutes / 60))
      .replace('{1}', String(minutes % 60).padStart(2, '0'));
  }

  function tick() {
    const now = Date.now();
    document.querySelectorAll('.countdown[data-deadline]').forEach((shown) => {
      const seconds = Math.round((Date.parse(shown.dataset.deadline) - now) / 1000);
      shown.textContent = seconds < 0 ? (labels.overdue || 'Overdue') : duration(seconds);
      shown.classList.toggle('error', seconds < 0);
    });
  }

  setInterval(tick, 1000);
  tick();
})();
