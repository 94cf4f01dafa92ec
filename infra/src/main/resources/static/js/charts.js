// The dashboard's bars take their sizes from data attributes: the Content-Security-Policy allows
// no style attributes in the page, while sizes set through the DOM are allowed.
//   data-width="40"   width 40 %     data-height="40"   height 40 %     data-flex="3"   flex 3
(function () {
  document.querySelectorAll('[data-width]').forEach((bar) => { bar.style.width = bar.dataset.width + '%'; });
  document.querySelectorAll('[data-height]').forEach((bar) => { bar.style.height = bar.dataset.height + '%'; });
  document.querySelectorAll('[data-flex]').forEach((segment) => { segment.style.flex = segment.dataset.flex; });
})();
