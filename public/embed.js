/*! Election Integrity Timeline embeds: sizes every iframe on this page that shows an
 * embed of the site this script came from. Include it once. MIT licence. */
(function () {
  'use strict';
  var script = document.currentScript;
  var origin;
  try {
    origin = new URL(script && script.src ? script.src : '', location.href).origin;
  } catch (e) {
    return;
  }
  if (window.__eitEmbedSizer === origin) return;
  window.__eitEmbedSizer = origin;

  function ours(frame) {
    try {
      var url = new URL(frame.src, location.href);
      return url.origin === origin && url.pathname.indexOf('/embed/') !== -1;
    } catch (e) {
      return false;
    }
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== origin) return;
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== 'timeline:height') return;
    var height = data.height;
    if (typeof height !== 'number' || !isFinite(height) || height < 50 || height > 20000) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source && ours(frames[i])) {
        frames[i].style.height = Math.ceil(height) + 'px';
        return;
      }
    }
  });

  // An embed that loaded before this script ran has already posted its height: ask again.
  // ('*': the request holds nothing secret, and a frame still loading is not yet on `origin`.)
  var frames = document.getElementsByTagName('iframe');
  for (var j = 0; j < frames.length; j++) {
    if (ours(frames[j]) && frames[j].contentWindow) frames[j].contentWindow.postMessage({ type: 'timeline:request-height' }, '*');
  }
})();
