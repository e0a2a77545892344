// Progressive enhancement of the public pages: font size (A-/A/A+) remembered on this device, copy
// link and sharing through the device's share sheet (Zalo and others). Pages work without it.
(function () {
  'use strict';
  var root = document.documentElement;
  var sizes = ['font-small', '', 'font-large'];
  var key = 'tuyenvan.font';

  function applyFont(index) {
    sizes.forEach(function (name) { if (name) { root.classList.remove(name); } });
    if (sizes[index]) { root.classList.add(sizes[index]); }
    var buttons = document.querySelectorAll('[data-font]');
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].setAttribute('aria-pressed', String(Number(buttons[i].getAttribute('data-font')) + 1 === index));
    }
  }

  var stored = 1;
  try { stored = Number(window.localStorage.getItem(key) || '1'); } catch (e) { stored = 1; }
  if (!(stored >= 0 && stored <= 2)) { stored = 1; }
  applyFont(stored);

  function ready() {
    applyFont(stored);
    var group = document.querySelector('.font-size');
    if (group) {
      group.hidden = false;
      group.addEventListener('click', function (event) {
        var button = event.target.closest('[data-font]');
        if (!button) { return; }
        var step = Number(button.getAttribute('data-font'));
        var index = step === 0 ? 1 : Math.max(0, Math.min(2, stored + step));
        stored = index;
        try { window.localStorage.setItem(key, String(index)); } catch (e) { /* private mode: not remembered */ }
        applyFont(index);
      });
    }
    var status = document.querySelector('.share-status');
    var copy = document.querySelector('[data-copy]');
    if (copy && navigator.clipboard) {
      copy.hidden = false;
      copy.addEventListener('click', function () {
        navigator.clipboard.writeText(copy.getAttribute('data-copy')).then(function () {
          if (status) { status.textContent = 'Đã sao chép liên kết.'; }
        }, function () {
          if (status) { status.textContent = 'Không sao chép được; hãy chọn liên kết bên dưới.'; }
        });
      });
    }
    var zalo = document.querySelector('[data-share="zalo"]');
    if (zalo && navigator.share) {
      zalo.hidden = false;
      zalo.addEventListener('click', function () {
        navigator.share({ title: zalo.getAttribute('data-title'), url: zalo.getAttribute('data-url') })
          .catch(function () { /* the reader closed the share sheet */ });
      });
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', ready);
  } else {
    ready();
  }
}());
