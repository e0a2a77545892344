// The newsroom's WYSIWYG Markdown editor, as progressive enhancement of a plain textarea.
//
// Every <textarea data-editor="markdown"> inside a form becomes a Milkdown editor (bundled from npm
// into /static/vendor/milkdown/ by scripts/fetch-assets.sh): a toolbar in Vietnamese, a visual
// editing surface, and a "Markdown" button that shows the textarea itself as the source view. The
// textarea stays the single source of truth for the form: the editor writes Markdown into it after
// every change (debounced) and again on submit, so the form posts plain GitHub-flavoured Markdown,
// exactly as it does without JavaScript.
//
// Textarea attributes read here:
//   data-editor="markdown"   enhance this textarea
//   data-upload-url="/…"     images are uploaded there (with data-csrf); without it, images are
//                            inserted by address only
//   data-csrf="…"            sent as the X-CSRF-Token header of the upload
// Upload: POST multipart/form-data {file, alt}, credentials same-origin; the server answers
//   {"id": 12, "url": "/media/12/1280.jpg", "alt": "…"} or {"error": {"code": "…", "message": "…"}}.
// Events dispatched on the textarea (both bubble): `input` when the editor has written new Markdown
// into it; `markdown-editor:ready` once the editor is shown. The textarea also carries
// data-editor-state="loading" | "ready" | "failed".
//
// Plain ES2017, no inline script or style anywhere (the site's CSP forbids both): visibility goes
// through the `hidden` attribute and classes; editor.css and the vendor files are loaded from here.
(function () {
  'use strict';

  /// The Vietnamese language pack: every word the editor shows or announces.
  const kVietnamese = {
    editor: 'Trình soạn thảo nội dung',
    modes: 'Chế độ soạn thảo',
    wysiwyg: 'Trực quan',
    wysiwygHint: 'Soạn thảo trực quan, thấy chữ đậm, tiêu đề, bảng như khi đăng',
    markdown: 'Markdown',
    markdownHint: 'Sửa trực tiếp mã Markdown',
    toolbar: 'Định dạng',
    undo: 'Hoàn tác',
    redo: 'Làm lại',
    paragraph: 'Đoạn văn thường',
    heading2: 'Tiêu đề mục',
    heading3: 'Tiêu đề nhỏ',
    bold: 'Đậm',
    italic: 'Nghiêng',
    strike: 'Gạch ngang',
    bulletList: 'Danh sách',
    orderedList: 'Danh sách đánh số',
    blockquote: 'Trích dẫn',
    link: 'Chèn liên kết',
    image: 'Chèn ảnh',
    table: 'Chèn bảng',
    addRow: 'Thêm hàng vào bảng',
    addColumn: 'Thêm cột vào bảng',
    rule: 'Đường kẻ ngang',
    linkUrl: 'Địa chỉ liên kết',
    linkUrlHint: 'Ví dụ: https://laocai.gov.vn/… hoặc /tin-tuc/…',
    linkText: 'Chữ hiển thị',
    linkRemove: 'Bỏ liên kết',
    linkUrlMissing: 'Vui lòng nhập địa chỉ liên kết.',
    linkUrlInvalid: 'Địa chỉ liên kết không hợp lệ (chỉ nhận http, https, mailto, tel hoặc đường dẫn bắt đầu bằng /).',
    linkTextMissing: 'Vui lòng nhập chữ hiển thị cho liên kết.',
    imageFile: 'Tệp ảnh',
    imageFileHint: 'Ảnh JPEG, PNG, WebP hoặc GIF.',
    imageFileMissing: 'Vui lòng chọn tệp ảnh.',
    imageNotImage: 'Tệp đã chọn không phải là ảnh.',
    imageReceived: 'Ảnh vừa dán hoặc kéo vào: ',
    imageUrl: 'Địa chỉ ảnh',
    imageUrlHint: 'Ví dụ: /media/12/1280.jpg hoặc https://…',
    imageUrlMissing: 'Vui lòng nhập địa chỉ ảnh.',
    imageUrlInvalid: 'Địa chỉ ảnh không hợp lệ (chỉ nhận https hoặc đường dẫn bắt đầu bằng /).',
    imageAlt: 'Mô tả ảnh (văn bản thay thế)',
    imageAltHint: 'Bắt buộc: một câu ngắn nói ảnh có gì, cho người không xem được ảnh.',
    imageAltMissing: 'Vui lòng nhập mô tả ảnh; không chèn ảnh khi chưa có mô tả.',
    imageNoUpload: 'Ô soạn thảo này không nhận ảnh tải lên; hãy dùng nút “Chèn ảnh” với địa chỉ ảnh.',
    insert: 'Chèn',
    upload: 'Tải lên và chèn',
    cancel: 'Hủy',
    uploading: 'Đang tải ảnh lên…',
    uploaded: 'Đã chèn ảnh.',
    uploadFailed: 'Không tải được ảnh lên (mã lỗi ',
    uploadOffline: 'Không kết nối được máy chủ nên ảnh chưa được tải lên. Vui lòng thử lại.',
    uploadBadAnswer: 'Máy chủ trả lời không đúng định dạng nên ảnh chưa được chèn.',
    required: 'Vui lòng nhập nội dung.',
    failed: 'Không mở được trình soạn thảo trực quan; vẫn soạn được bằng Markdown trong ô này.',
  };
  const T = kVietnamese;

  /// Milliseconds of quiet after an edit before the Markdown is written back (submit flushes at once).
  const kWriteDelayMs = 250;
  const kVendorScript = '../vendor/milkdown/milkdown.min.js';
  const kVendorStyle = '../vendor/milkdown/milkdown.min.css';
  const kOwnStyle = '../css/editor.css';
  const kSvgNs = 'http://www.w3.org/2000/svg';
  // 24×24 stroked outlines; buttons whose glyph is a letter (B, I, S, H2…) have none.
  const kIcons = {
    undo: ['M9 14 4 9l5-5', 'M4 9h10.5a5.5 5.5 0 0 1 0 11H11'],
    redo: ['m15 14 5-5-5-5', 'M20 9H9.5a5.5 5.5 0 0 0 0 11H13'],
    bulletList: ['M9 6h11', 'M9 12h11', 'M9 18h11', 'M4.5 6h.01', 'M4.5 12h.01', 'M4.5 18h.01'],
    orderedList: ['M10 6h10', 'M10 12h10', 'M10 18h10', 'M4 4h1.5v5', 'M3.5 14.5a1.5 1.5 0 1 1 2.4 1.2L3.5 19H6'],
    blockquote: ['M4 7h6v6H6.5L5 17', 'M14 7h6v6h-3.5L15 17'],
    link: ['M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1', 'M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1'],
    image: ['M3 5h18v14H3z', 'M8.5 10h.01', 'm21 15-5-5L5 19'],
    table: ['M3 5h18v14H3z', 'M3 10h18', 'M3 15h18', 'M9 5v14', 'M15 5v14'],
    addRow: ['M3 3h18v8H3z', 'M3 7h18', 'M12 14v7', 'M8.5 17.5h7'],
    addColumn: ['M3 3h8v18H3z', 'M7 3v18', 'M18 8.5v7', 'M14.5 12h7'],
    rule: ['M3 12h18', 'M7 7h10', 'M7 17h10'],
  };

  // Only set while this file runs, so taken now: the vendor files sit next to it.
  const kScriptSrc = document.currentScript ? document.currentScript.src : '';

  let next_id = 0;
  function NewId(prefix) {
    next_id += 1;
    return `md-editor-${prefix}-${next_id}`;
  }

  function El(tag, attrs, children) {
    const el = document.createElement(tag);
    for (const name of Object.keys(attrs || {})) {
      const value = attrs[name];
      if (value === false || value === null || value === undefined) continue;
      if (name === 'text') el.textContent = value;
      else el.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children || []) el.append(child);
    return el;
  }

  function Icon(paths) {
    const svg = document.createElementNS(kSvgNs, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    svg.setAttribute('class', 'md-editor__icon');
    for (const d of paths) {
      const path = document.createElementNS(kSvgNs, 'path');
      path.setAttribute('d', d);
      svg.append(path);
    }
    return svg;
  }

  /// A URL next to this script's own (keeping its ?v= cache-busting query).
  function AssetUrl(relative) {
    const base = new URL(kScriptSrc || '/static/js/editor.js', document.baseURI);
    const url = new URL(relative, base);
    url.search = base.search;
    return url.href;
  }

  /// Resolves once the stylesheet (unless the page links it already) and the script are loaded.
  function LoadAssets(urls) {
    const loads = [];
    const have = (selector, path) => Array.prototype.some.call(document.querySelectorAll(selector),
      (el) => new URL(el.href || el.src, document.baseURI).pathname === path);
    for (const href of [urls.vendorStyle, urls.ownStyle]) {
      if (have('link[rel="stylesheet"]', new URL(href).pathname)) continue;
      const link = El('link', { rel: 'stylesheet', href });
      loads.push(new Promise((resolve) => {
        // A missing stylesheet leaves the editor plain but usable; only the script is essential.
        link.addEventListener('load', resolve);
        link.addEventListener('error', resolve);
      }));
      document.head.append(link);
    }
    if (!window.TuyenvanMilkdown) {
      const existing = have('script', new URL(urls.vendorScript).pathname);
      loads.push(new Promise((resolve, reject) => {
        if (existing) {  // linked by the page without defer, or async: wait for it
          const settle = () => (window.TuyenvanMilkdown ? resolve() : reject(new Error(`${urls.vendorScript} did not load`)));
          if (document.readyState === 'complete') settle();
          else window.addEventListener('load', settle);
          return;
        }
        const script = El('script', { src: urls.vendorScript });
        script.addEventListener('load', resolve);
        script.addEventListener('error', () => reject(new Error(`cannot load ${urls.vendorScript}`)));
        document.head.append(script);
      }));
    }
    return Promise.all(loads);
  }

  // ---------------------------------------------------------------------------------------------
  // Pasted HTML from Word and web pages

  /// The pasted element's style attribute, kept as text (see CleanPastedHtml).
  function StyleOf(el) {
    return el.getAttribute('data-paste-style') || '';
  }

  /// Word writes list items as <p class=MsoListParagraph style="mso-list:l0 level2 lfo1"> with the
  /// bullet or number as text; turn each run of them into real (nested) <ul>/<ol>.
  function ConvertWordLists(body) {
    const is_item = (el) => el && el.tagName === 'P' &&
      (/mso-list:\s*l\d+\s+level\d+/i.test(StyleOf(el)) || /^MsoListParagraph/i.test(el.className));
    const paragraphs = Array.prototype.filter.call(body.querySelectorAll('p'), is_item);
    const done = new Set();
    for (const first of paragraphs) {
      if (done.has(first)) continue;
      const run = [first];
      let next = first.nextElementSibling;
      while (is_item(next)) {
        run.push(next);
        next = next.nextElementSibling;
      }
      for (const p of run) done.add(p);
      BuildList(run);
    }
  }

  function BuildList(run) {
    const doc = run[0].ownerDocument;
    const roots = [];
    const stack = [];  // {level, ordered, list}
    for (const p of run) {
      const level_match = /level(\d+)/i.exec(StyleOf(p));
      const level = level_match ? Number(level_match[1]) : 1;
      let marker_text = '';
      for (const marker of p.querySelectorAll('[data-paste-style*="mso-list"]')) {
        if (!/mso-list:\s*Ignore/i.test(StyleOf(marker))) continue;
        marker_text = marker_text || marker.textContent.replace(/\s+/g, '');
        marker.remove();
      }
      const ordered = /^\(?(\d+|[a-z]|[ivxlc]+)[.)]$/i.test(marker_text);
      while (stack.length && stack[stack.length - 1].level > level) stack.pop();
      let top = stack[stack.length - 1];
      if (top && top.level === level && top.ordered !== ordered) {
        stack.pop();
        top = stack[stack.length - 1];
      }
      if (!top || top.level < level) {
        const list = doc.createElement(ordered ? 'ol' : 'ul');
        if (top) top.list.lastElementChild.append(list);
        else roots.push(list);
        top = { level, ordered, list };
        stack.push(top);
      }
      const li = doc.createElement('li');
      while (p.firstChild) li.append(p.firstChild);
      top.list.append(li);
    }
    run[0].before(...roots);
    for (const p of run) p.remove();
  }

  /// A Markdown table needs a header row and one paragraph per cell.
  function NormaliseTables(body) {
    const doc = body.ownerDocument;
    for (const table of body.querySelectorAll('table')) {
      const first_row = table.querySelector('tr');
      if (first_row && !table.querySelector('th')) {
        for (const td of Array.prototype.slice.call(first_row.children)) {
          const th = doc.createElement('th');
          while (td.firstChild) th.append(td.firstChild);
          td.replaceWith(th);
        }
      }
      for (const cell of table.querySelectorAll('td, th')) {
        const blocks = cell.querySelectorAll('p, div, h1, h2, h3, h4, h5, h6, li');
        if (blocks.length < 2) continue;
        const parts = [];
        for (const block of blocks) {
          if (block.querySelector('p, div, li')) continue;
          parts.push(block.innerHTML);
        }
        cell.innerHTML = parts.join(' ');
      }
    }
  }

  /// Cleans HTML pasted from Word or a web page before ProseMirror parses it against the schema
  /// (which already drops what Markdown cannot hold: fonts, colours, classes, <style>, <o:p>…).
  function CleanPastedHtml(pasted) {
    // Even an inert document (DOMParser, <template>) applies the page's CSP, so every <style>
    // element and style="" attribute parsed would be a reported violation: drop the elements and
    // rename the attributes (kept as data for the list and bold detection below) beforehand.
    const html = pasted.replace(/<style\b[\s\S]*?<\/style\s*>/gi, '')
      .replace(/(<[a-zA-Z][^<>]*?\s)style\s*=/g, '$1data-paste-style=');
    if (/data-pm-slice/.test(html)) return html;  // copied from a ProseMirror editor: already clean
    // DOMParser makes an inert document: nothing in it runs or loads.
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const body = doc.body;
    if (/urn:schemas-microsoft-com:office|class="?Mso|mso-/i.test(html)) ConvertWordLists(body);
    for (const junk of body.querySelectorAll('o\\:p, script, meta, link, xml')) junk.remove();
    // Word's local picture paths and inline data cannot be published; upload such images instead.
    for (const img of body.querySelectorAll('img')) {
      if (!/^(https?:|\/)/i.test(img.getAttribute('src') || '')) img.remove();
    }
    for (const p of body.querySelectorAll('p')) {
      if (!p.querySelector('img') && !p.textContent.replace(/[\s\u00a0]+/g, '')) p.remove();
    }
    // Google Docs and many sites mark bold and italic with styles; Google Docs also wraps the whole
    // fragment in <b style="font-weight:normal">.
    for (const el of body.querySelectorAll('[data-paste-style]')) {
      const style = StyleOf(el);
      if (/^(b|strong)$/i.test(el.tagName) && /(^|[;\s])font-weight\s*:\s*(normal|[1-4]00)\b/i.test(style)) {
        el.replaceWith(...el.childNodes);
        continue;
      }
      if (el.tagName !== 'SPAN') continue;
      const wraps = [];
      if (/(^|[;\s])font-weight\s*:\s*(bold|bolder|[6-9]00)\b/i.test(style)) wraps.push('strong');
      if (/(^|[;\s])font-style\s*:\s*italic\b/i.test(style)) wraps.push('em');
      for (const tag of wraps) {
        const wrap = doc.createElement(tag);
        while (el.firstChild) wrap.append(el.firstChild);
        el.append(wrap);
      }
    }
    for (const el of body.querySelectorAll('[data-paste-style]')) el.removeAttribute('data-paste-style');
    NormaliseTables(body);
    return body.innerHTML;
  }

  // ---------------------------------------------------------------------------------------------
  // Links and image addresses

  /// The href to store, or null when the address is not one an article may link to.
  function CleanHref(value) {
    const v = value.trim();
    if (/^(https?:\/\/|mailto:|tel:)[^\s]+$/i.test(v) || /^[/#][^\s]*$/.test(v)) return v;
    if (/^[\w-]+(\.[\w-]+)+(\/[^\s]*)?$/.test(v)) return `https://${v}`;
    return null;
  }

  function CleanImageSrc(value) {
    const v = value.trim();
    return /^(https:\/\/|\/)[^\s]+$/i.test(v) ? v : null;
  }

  // ---------------------------------------------------------------------------------------------
  // A small modal dialog (<dialog> + showModal: focus trap, Escape, inert page behind it)

  class Dialog {
    /// fields: [{name, label, type ('text', 'file' or 'note': a line of text), hint, value, accept}],
    /// all required; an extra button (e.g. "Bỏ liên kết") is optional.
    constructor(title, fields, submit_label, extra_button) {
      this.inputs_ = {};
      this.errors_ = {};
      const title_id = NewId('dialog-title');
      this.dialog_ = El('dialog', { class: 'md-dialog', 'aria-labelledby': title_id });
      this.form_ = El('form', { method: 'dialog', novalidate: true, class: 'md-dialog__form' });
      this.form_.append(El('h2', { id: title_id, class: 'md-dialog__title', text: title }));
      for (const field of fields) this.form_.append(this.Field_(field));
      this.status_ = El('p', { class: 'md-dialog__status', role: 'status' });
      this.form_.append(this.status_);
      this.submit_ = El('button', { type: 'submit', class: 'md-dialog__primary', text: submit_label });
      this.cancel_ = El('button', { type: 'button', text: T.cancel });
      const buttons = El('div', { class: 'md-dialog__buttons' }, [this.submit_]);
      if (extra_button) {
        this.extra_ = El('button', { type: 'button', text: extra_button });
        buttons.append(this.extra_);
      }
      buttons.append(this.cancel_);
      this.form_.append(buttons);
      this.dialog_.append(this.form_);
    }

    Field_(field) {
      const id = NewId('field');
      const wrap = El('div', { class: 'md-dialog__field' });
      if (field.type === 'note') {
        wrap.append(El('p', { class: 'md-dialog__note', text: field.label }));
        return wrap;
      }
      const hint_id = field.hint ? NewId('hint') : null;
      const error_id = NewId('error');
      const input = El('input', {
        id, name: field.name, type: field.type || 'text', accept: field.accept,
        'aria-describedby': [hint_id, error_id].filter(Boolean).join(' '),
        'aria-required': 'true', autocomplete: 'off',
      });
      if (field.value) input.value = field.value;
      wrap.append(El('label', { for: id, text: field.label }), input);
      if (hint_id) wrap.append(El('p', { id: hint_id, class: 'md-dialog__hint', text: field.hint }));
      const error = El('p', { id: error_id, class: 'md-dialog__error' });
      wrap.append(error);
      this.inputs_[field.name] = input;
      this.errors_[field.name] = error;
      return wrap;
    }

    /// Shows the error under a field and moves focus there; returns false (the dialog stays open).
    FieldError(name, message) {
      this.errors_[name].textContent = message;
      this.inputs_[name].setAttribute('aria-invalid', 'true');
      this.inputs_[name].focus();
      return false;
    }

    /// Shows progress and locks the dialog (Escape included) until it closes.
    Busy(message) {
      this.busy_ = true;
      this.status_.textContent = message;
      for (const el of this.form_.querySelectorAll('input, button')) el.disabled = true;
    }

    /// Opens the dialog. On submit, on_submit(values, dialog) returns (or resolves to) false to keep
    /// it open, after a FieldError, or else the result the dialog closes with; `on_extra` gives the
    /// result of the extra button. Resolves to that result, or null when cancelled.
    Run(on_submit, on_extra) {
      document.body.append(this.dialog_);
      return new Promise((resolve) => {
        let result = null;
        const close = () => {
          if (this.dialog_.open) this.dialog_.close();
        };
        this.dialog_.addEventListener('close', () => {
          this.dialog_.remove();
          resolve(result);
        });
        this.cancel_.addEventListener('click', close);
        this.dialog_.addEventListener('cancel', (event) => {
          if (this.busy_) event.preventDefault();
        });
        if (this.extra_) {
          this.extra_.addEventListener('click', () => {
            result = on_extra();
            close();
          });
        }
        this.form_.addEventListener('submit', async (event) => {
          event.preventDefault();
          for (const name of Object.keys(this.errors_)) {
            this.errors_[name].textContent = '';
            this.inputs_[name].removeAttribute('aria-invalid');
          }
          const values = {};
          for (const name of Object.keys(this.inputs_)) {
            const input = this.inputs_[name];
            values[name] = input.type === 'file' ? (input.files && input.files[0]) || null : input.value;
          }
          const outcome = await on_submit(values, this);
          if (outcome === false) return;
          result = outcome;
          close();
        });
        this.dialog_.showModal();
      });
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The editor around one textarea

  class MarkdownEditor {
    constructor(M, textarea) {
      this.M_ = M;
      this.textarea_ = textarea;
      this.form_ = textarea.form;
      this.upload_url_ = textarea.getAttribute('data-upload-url') || '';
      this.csrf_ = textarea.getAttribute('data-csrf') || '';
      this.editor_ = null;
      this.view_ = null;
      this.serialize_ = null;
      this.mode_ = 'wysiwyg';
      this.dirty_ = false;  // the document changed since the textarea last received Markdown
      this.write_timer_ = 0;
      this.state_frame_ = 0;
      this.buttons_ = [];
    }

    async Mount() {
      const textarea = this.textarea_;
      textarea.setAttribute('data-editor-state', 'loading');
      this.BuildFrame_();
      try {
        this.editor_ = await this.Create_(textarea.value);
      } catch (e) {
        this.root_.before(textarea);
        this.root_.remove();
        textarea.hidden = false;
        this.status_.textContent = T.failed;
        textarea.after(this.status_);
        textarea.setAttribute('data-editor-state', 'failed');
        throw e;
      }
      this.view_ = this.editor_.action((ctx) => ctx.get(this.M_.editorViewCtx));
      this.serialize_ = this.editor_.action((ctx) => ctx.get(this.M_.serializerCtx));
      this.Wire_();
      this.ShowMode_('wysiwyg', false);
      this.UpdateToolbar_();
      textarea.setAttribute('data-editor-state', 'ready');
      textarea.dispatchEvent(new CustomEvent('markdown-editor:ready', { bubbles: true }));
    }

    BuildFrame_() {
      const textarea = this.textarea_;
      const label = textarea.labels && textarea.labels[0];
      if (label && !label.id) label.id = NewId('label');
      this.label_ = label || null;
      this.content_id_ = NewId('content');

      this.root_ = El('div', { class: 'md-editor', role: 'group', 'aria-label': T.editor });
      const wysiwyg = El('button', { type: 'button', class: 'md-editor__mode', 'aria-pressed': 'true', title: T.wysiwygHint, text: T.wysiwyg });
      const markdown = El('button', { type: 'button', class: 'md-editor__mode', 'aria-pressed': 'false', title: T.markdownHint, text: T.markdown });
      wysiwyg.addEventListener('click', () => this.ShowMode_('wysiwyg', true));
      markdown.addEventListener('click', () => this.ShowMode_('markdown', true));
      this.mode_buttons_ = { wysiwyg, markdown };
      const modes = El('div', { class: 'md-editor__modes', role: 'group', 'aria-label': T.modes }, [wysiwyg, markdown]);

      this.toolbar_ = El('div', { class: 'md-editor__toolbar', role: 'toolbar', 'aria-label': T.toolbar, 'aria-controls': this.content_id_ });
      this.surface_ = El('div', { class: 'md-editor__surface' });
      this.status_ = El('p', { class: 'md-editor__status', role: 'status', 'aria-live': 'polite' });
      this.root_.append(El('div', { class: 'md-editor__bar' }, [modes, this.toolbar_]), this.surface_);
      textarea.before(this.root_);
      this.root_.append(textarea, this.status_);
      textarea.classList.add('md-editor__source');
    }

    Create_(markdown) {
      const M = this.M_;
      const textarea = this.textarea_;
      const editable = !textarea.readOnly && !textarea.disabled;
      const attributes = {
        id: this.content_id_,
        class: 'md-editor__content',
        role: 'textbox',
        'aria-multiline': 'true',
        spellcheck: 'true',
      };
      if (this.label_) attributes['aria-labelledby'] = this.label_.id;
      else attributes['aria-label'] = textarea.getAttribute('aria-label') || T.editor;
      // The page's hint and server-side error for the field describe the editor too.
      for (const name of ['aria-describedby', 'aria-invalid']) {
        const value = textarea.getAttribute(name);
        if (value) attributes[name] = value;
      }
      if (!editable) attributes['aria-readonly'] = 'true';

      const sync = M.$prose(() => new M.Plugin({
        key: new M.PluginKey('TUYENVAN_SYNC'),
        view: () => ({
          update: (view, prev) => {
            if (view.state.doc !== prev.doc) this.OnDocChanged_();
            this.ScheduleToolbarUpdate_();
          },
        }),
      }));

      // Milkdown 7.22 rejects the null title remark gives an image written without one
      // (![alt](url)), which would stop every article with a picture from opening.
      const image_titles = M.$remark('tuyenvanImageTitles', () => () => (tree) => {
        const visit = (node) => {
          if (node.type === 'image') {
            if (typeof node.title !== 'string') node.title = '';
            if (typeof node.alt !== 'string') node.alt = '';
          }
          if (node.children) node.children.forEach(visit);
        };
        visit(tree);
      });

      return M.Editor.make()
        .config((ctx) => {
          ctx.set(M.rootCtx, this.surface_);
          ctx.set(M.defaultValueCtx, markdown);
          ctx.update(M.remarkStringifyOptionsCtx, (prev) => Object.assign({}, prev, {
            bullet: '-', emphasis: '*', strong: '*', rule: '-', fences: true, listItemIndent: 'one',
          }));
          ctx.update(M.editorViewOptionsCtx, (prev) => Object.assign({}, prev, {
            editable: () => editable,
            attributes,
            transformPastedHTML: CleanPastedHtml,
            handlePaste: (view, event) => this.OnPaste_(event),
            handleDrop: (view, event, slice, moved) => this.OnDrop_(view, event, moved),
          }));
        })
        .use(image_titles)
        .use(M.commonmark)
        .use(M.gfm)
        .use(M.history)
        .use(M.clipboard)
        .use(M.cursor)
        .use(sync)
        .create();
    }

    Wire_() {
      const textarea = this.textarea_;
      this.BuildToolbar_();
      if (this.form_) {
        this.form_.addEventListener('submit', () => this.Flush());
        // Scripts that build a FormData themselves (autosave, fetch) get the current Markdown too.
        this.form_.addEventListener('formdata', (event) => {
          this.Flush();
          if (textarea.name && !textarea.disabled) event.formData.set(textarea.name, textarea.value);
        });
        this.form_.addEventListener('reset', () => setTimeout(() => this.Reload_(), 0));
      }
      textarea.addEventListener('invalid', (event) => {
        if (this.mode_ !== 'wysiwyg') return;
        event.preventDefault();  // the browser cannot point at a hidden textarea
        this.Announce_(T.required, true);
        this.view_.focus();
      });
      if (this.label_) {
        this.label_.addEventListener('click', (event) => {
          if (this.mode_ !== 'wysiwyg') return;
          event.preventDefault();
          this.view_.focus();
        });
      }
      this.view_.dom.addEventListener('keydown', (event) => {
        if (event.altKey && event.key === 'F10') {  // the usual way from a rich text area to its toolbar
          event.preventDefault();
          this.FocusToolbar_();
        }
      });
    }

    // -- Markdown in and out ------------------------------------------------------------------

    OnDocChanged_() {
      this.dirty_ = true;
      clearTimeout(this.write_timer_);
      this.write_timer_ = setTimeout(() => this.Flush(), kWriteDelayMs);
    }

    /// Writes the editor's Markdown into the textarea now, if it changed.
    Flush() {
      clearTimeout(this.write_timer_);
      if (!this.dirty_ || this.mode_ !== 'wysiwyg' || !this.view_) return;
      this.dirty_ = false;
      const markdown = this.serialize_(this.view_.state.doc);
      if (markdown === this.textarea_.value) return;
      this.textarea_.value = markdown;
      this.textarea_.dispatchEvent(new Event('input', { bubbles: true }));
    }

    /// Loads the textarea's Markdown into the editor (after the source view or a form reset).
    Reload_() {
      clearTimeout(this.write_timer_);
      this.editor_.action(this.M_.replaceAll(this.textarea_.value));
      this.dirty_ = false;  // the textarea already holds this Markdown, in the author's own spelling
    }

    ShowMode_(mode, focus) {
      const textarea = this.textarea_;
      if (mode === 'markdown' && this.mode_ === 'wysiwyg') this.Flush();
      if (mode === 'wysiwyg' && this.mode_ === 'markdown' && this.loaded_value_ !== textarea.value) this.Reload_();
      this.mode_ = mode;
      const wysiwyg = mode === 'wysiwyg';
      this.mode_buttons_.wysiwyg.setAttribute('aria-pressed', String(wysiwyg));
      this.mode_buttons_.markdown.setAttribute('aria-pressed', String(!wysiwyg));
      this.toolbar_.hidden = !wysiwyg || !this.view_.editable;
      this.surface_.hidden = !wysiwyg;
      textarea.hidden = wysiwyg;
      this.root_.classList.toggle('md-editor--source', !wysiwyg);
      this.loaded_value_ = textarea.value;
      if (focus) {
        if (wysiwyg) this.view_.focus();
        else textarea.focus();
      }
    }

    // -- Toolbar ---------------------------------------------------------------------------------

    BuildToolbar_() {
      const M = this.M_;
      const call = (key, payload) => () => this.editor_.action(M.callCommand(key, payload));
      const items = [
        { id: 'undo', label: T.undo, keys: 'Control+Z', run: call(M.undoCommand.key) },
        { id: 'redo', label: T.redo, keys: 'Control+Shift+Z', run: call(M.redoCommand.key) },
        null,
        { id: 'paragraph', label: T.paragraph, glyph: '¶', run: call(M.turnIntoTextCommand.key), active: (s) => this.BlockIs_(s, 'paragraph') },
        { id: 'heading2', label: T.heading2, glyph: 'H2', run: () => this.ToggleHeading_(2), active: (s) => this.BlockIs_(s, 'heading', 2) },
        { id: 'heading3', label: T.heading3, glyph: 'H3', run: () => this.ToggleHeading_(3), active: (s) => this.BlockIs_(s, 'heading', 3) },
        null,
        { id: 'bold', label: T.bold, glyph: 'B', keys: 'Control+B', run: call(M.toggleStrongCommand.key), active: (s) => this.MarkIs_(s, 'strong') },
        { id: 'italic', label: T.italic, glyph: 'I', keys: 'Control+I', run: call(M.toggleEmphasisCommand.key), active: (s) => this.MarkIs_(s, 'emphasis') },
        { id: 'strike', label: T.strike, glyph: 'S', keys: 'Control+Alt+X', run: call(M.toggleStrikethroughCommand.key), active: (s) => this.MarkIs_(s, 'strike_through') },
        { id: 'link', label: T.link, run: () => this.AskLink_(), active: (s) => this.MarkIs_(s, 'link') },
        null,
        { id: 'bulletList', label: T.bulletList, run: () => this.ToggleList_('bullet_list'), active: (s) => Boolean(this.Ancestor_(s, 'bullet_list')) },
        { id: 'orderedList', label: T.orderedList, run: () => this.ToggleList_('ordered_list'), active: (s) => Boolean(this.Ancestor_(s, 'ordered_list')) },
        { id: 'blockquote', label: T.blockquote, run: () => this.ToggleQuote_(), active: (s) => Boolean(this.Ancestor_(s, 'blockquote')) },
        null,
        { id: 'image', label: T.image, run: () => { this.AskImage_(null, null); return false; } },
        { id: 'table', label: T.table, run: call(M.insertTableCommand.key, { row: 3, col: 3 }) },
        { id: 'addRow', label: T.addRow, run: call(M.addRowAfterCommand.key), enabled: (s) => Boolean(this.Ancestor_(s, 'table')) },
        { id: 'addColumn', label: T.addColumn, run: call(M.addColAfterCommand.key), enabled: (s) => Boolean(this.Ancestor_(s, 'table')) },
        { id: 'rule', label: T.rule, run: call(M.insertHrCommand.key) },
      ];
      let group = El('div', { class: 'md-editor__group', role: 'group' });
      this.toolbar_.append(group);
      for (const item of items) {
        if (!item) {
          group = El('div', { class: 'md-editor__group', role: 'group' });
          this.toolbar_.append(group);
          continue;
        }
        const shortcut = item.keys ? ` (${item.keys.replace('Control', 'Ctrl')})` : '';
        const button = El('button', {
          type: 'button', class: `md-editor__button md-editor__button--${item.id}`, tabindex: '-1',
          title: item.label + shortcut, 'aria-label': item.glyph && item.glyph.length > 1 ? `${item.glyph} ${item.label}` : item.label, 'aria-keyshortcuts': item.keys,
          'data-command': item.id,
        });
        if (item.active) button.setAttribute('aria-pressed', 'false');
        button.append(item.glyph ? El('span', { 'aria-hidden': 'true', text: item.glyph }) : Icon(kIcons[item.id]));
        // Keep the selection in the document while clicking a button.
        button.addEventListener('mousedown', (event) => event.preventDefault());
        button.addEventListener('click', () => {
          if (button.getAttribute('aria-disabled') === 'true') return;
          const refocus = item.run();
          if (refocus !== false) this.view_.focus();
          this.UpdateToolbar_();
        });
        group.append(button);
        this.buttons_.push({ button, item });
      }
      this.buttons_[0].button.tabIndex = 0;
      this.toolbar_.addEventListener('keydown', (event) => this.OnToolbarKey_(event));
    }

    /// Arrow keys move between buttons; Tab leaves the toolbar (one tab stop, as ARIA toolbars do).
    OnToolbarKey_(event) {
      const buttons = this.buttons_.map((b) => b.button);
      const at = buttons.indexOf(document.activeElement);
      if (at < 0) return;
      let to = -1;
      if (event.key === 'ArrowRight' || event.key === 'ArrowDown') to = (at + 1) % buttons.length;
      else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') to = (at - 1 + buttons.length) % buttons.length;
      else if (event.key === 'Home') to = 0;
      else if (event.key === 'End') to = buttons.length - 1;
      else if (event.key === 'Escape') {
        event.preventDefault();
        this.view_.focus();
        return;
      }
      if (to < 0) return;
      event.preventDefault();
      buttons[at].tabIndex = -1;
      buttons[to].tabIndex = 0;
      buttons[to].focus();
    }

    FocusToolbar_() {
      const current = this.buttons_.find((b) => b.button.tabIndex === 0) || this.buttons_[0];
      current.button.focus();
    }

    ScheduleToolbarUpdate_() {
      if (this.state_frame_) return;
      this.state_frame_ = requestAnimationFrame(() => {
        this.state_frame_ = 0;
        this.UpdateToolbar_();
      });
    }

    UpdateToolbar_() {
      if (!this.view_) return;
      const state = this.view_.state;
      for (const { button, item } of this.buttons_) {
        if (item.active) button.setAttribute('aria-pressed', String(Boolean(item.active(state))));
        if (item.enabled) button.setAttribute('aria-disabled', String(!item.enabled(state)));
      }
    }

    MarkIs_(state, name) {
      const type = state.schema.marks[name];
      if (!type) return false;
      const { from, to, empty, $from } = state.selection;
      if (empty) return Boolean(type.isInSet(state.storedMarks || $from.marks()));
      return state.doc.rangeHasMark(from, to, type);
    }

    BlockIs_(state, name, level) {
      const parent = state.selection.$from.parent;
      return parent.type.name === name && (level === undefined || parent.attrs.level === level);
    }

    /// The depth of the nearest enclosing node of that type, or 0.
    Ancestor_(state, name) {
      const $from = state.selection.$from;
      for (let depth = $from.depth; depth > 0; depth -= 1) {
        if ($from.node(depth).type.name === name) return depth;
      }
      return 0;
    }

    ToggleHeading_(level) {
      const M = this.M_;
      const key = this.BlockIs_(this.view_.state, 'heading', level) ? M.turnIntoTextCommand.key : M.wrapInHeadingCommand.key;
      this.editor_.action(M.callCommand(key, level));
    }

    ToggleList_(name) {
      const M = this.M_;
      const state = this.view_.state;
      const other = name === 'bullet_list' ? 'ordered_list' : 'bullet_list';
      if (this.Ancestor_(state, name)) {
        this.editor_.action(M.callCommand(M.liftListItemCommand.key));
        return;
      }
      const depth = this.Ancestor_(state, other);
      if (depth) {
        // Same items, other kind of list.
        this.view_.dispatch(state.tr.setNodeMarkup(state.selection.$from.before(depth), state.schema.nodes[name]));
        return;
      }
      const key = name === 'bullet_list' ? M.wrapInBulletListCommand.key : M.wrapInOrderedListCommand.key;
      this.editor_.action(M.callCommand(key));
    }

    ToggleQuote_() {
      const M = this.M_;
      if (this.Ancestor_(this.view_.state, 'blockquote')) M.lift(this.view_.state, this.view_.dispatch);
      else this.editor_.action(M.callCommand(M.wrapInBlockquoteCommand.key));
    }

    // -- Links -----------------------------------------------------------------------------------

    /// The extent of the link around the cursor, or the selection.
    LinkRange_(state) {
      const type = state.schema.marks.link;
      const { from, to, empty, $from } = state.selection;
      if (!empty) {
        let href = '';
        state.doc.nodesBetween(from, to, (node) => {
          const mark = type.isInSet(node.marks);
          if (mark && !href) href = mark.attrs.href;
        });
        return { from, to, href };
      }
      const parent = $from.parent;
      const start = $from.start();
      let range = null;
      parent.forEach((child, offset) => {
        const mark = type.isInSet(child.marks);
        const child_from = start + offset;
        const child_to = child_from + child.nodeSize;
        if (mark && child_from <= from && from <= child_to && !range) {
          range = { from: child_from, to: child_to, href: mark.attrs.href };
        }
      });
      return range || { from, to, href: '' };
    }

    AskLink_() {
      const view = this.view_;
      const range = this.LinkRange_(view.state);
      const needs_text = range.from === range.to;
      const fields = [{ name: 'href', label: T.linkUrl, type: 'text', hint: T.linkUrlHint, value: range.href }];
      if (needs_text) fields.push({ name: 'text', label: T.linkText });
      const dialog = new Dialog(T.link, fields, T.insert, range.href ? T.linkRemove : null);
      dialog.Run((values, d) => {
        if (!values.href.trim()) return d.FieldError('href', T.linkUrlMissing);
        const href = CleanHref(values.href);
        if (!href) return d.FieldError('href', T.linkUrlInvalid);
        if (needs_text && !values.text.trim()) return d.FieldError('text', T.linkTextMissing);
        return { href, text: needs_text ? values.text.trim() : '' };
      }, () => ({ remove: true })).then((result) => {
        view.focus();
        if (!result) return;
        const state = view.state;
        const type = state.schema.marks.link;
        const tr = state.tr;
        if (result.remove) {
          tr.removeMark(range.from, range.to, type);
        } else if (needs_text) {
          const text = state.schema.text(result.text, [type.create({ href: result.href })]);
          tr.replaceSelectionWith(text, false);
        } else {
          tr.removeMark(range.from, range.to, type).addMark(range.from, range.to, type.create({ href: result.href }));
        }
        view.dispatch(tr.scrollIntoView());
      });
      return false;
    }

    // -- Images ----------------------------------------------------------------------------------

    ImageFiles_(data) {
      if (!data || !data.files) return [];
      return Array.prototype.filter.call(data.files, (f) => /^image\//.test(f.type));
    }

    OnPaste_(event) {
      const files = this.ImageFiles_(event.clipboardData);
      if (files.length === 0) return false;
      // Word and web pages put a picture of the selection next to its HTML: keep the text.
      if ((event.clipboardData.getData('text/plain') || '').trim()) return false;
      event.preventDefault();
      this.AskImages_(files, this.view_.state.selection.from);
      return true;
    }

    OnDrop_(view, event, moved) {
      if (moved) return false;
      const files = this.ImageFiles_(event.dataTransfer);
      if (files.length === 0) return false;
      event.preventDefault();
      const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
      this.AskImages_(files, at ? at.pos : view.state.selection.from);
      return true;
    }

    async AskImages_(files, pos) {
      if (!this.upload_url_) {
        this.Announce_(T.imageNoUpload, true);
        return;
      }
      for (const file of files) {
        const inserted = await this.AskImage_(file, pos);
        if (!inserted) break;
        pos = inserted;
      }
    }

    /// Asks for the picture (a file to upload, or an address when this editor has no upload URL)
    /// and its required alternative text, then inserts it at `pos` (or the selection). Resolves to
    /// the position after the image, or 0 when nothing was inserted.
    AskImage_(file, pos) {
      const upload = Boolean(this.upload_url_);
      const fields = [];
      if (file) fields.push({ type: 'note', label: T.imageReceived + (file.name || 'ảnh') });
      else if (upload) fields.push({ name: 'file', label: T.imageFile, type: 'file', accept: 'image/*', hint: T.imageFileHint });
      else fields.push({ name: 'src', label: T.imageUrl, type: 'text', hint: T.imageUrlHint });
      fields.push({ name: 'alt', label: T.imageAlt, hint: T.imageAltHint });
      const dialog = new Dialog(T.image, fields, upload ? T.upload : T.insert);
      let failure = '';
      const done = dialog.Run(async (values, d) => {
        const chosen = file || values.file;
        if (upload && !chosen) return d.FieldError('file', T.imageFileMissing);
        if (upload && !/^image\//.test(chosen.type)) return d.FieldError('file', T.imageNotImage);
        if (!upload && !values.src.trim()) return d.FieldError('src', T.imageUrlMissing);
        const src = upload ? '' : CleanImageSrc(values.src);
        if (!upload && !src) return d.FieldError('src', T.imageUrlInvalid);
        const alt = values.alt.replace(/\s+/g, ' ').trim();
        if (!alt) return d.FieldError('alt', T.imageAltMissing);
        if (!upload) return { src, alt };
        d.Busy(T.uploading);
        this.Announce_(T.uploading, false);
        try {
          return await this.Upload_(chosen, alt);
        } catch (e) {
          // Shown beside the editor once the dialog has closed: a live region behind an open
          // modal dialog is not read out.
          failure = e.message;
          return null;
        }
      });
      return done.then((result) => {
        this.view_.focus();
        if (failure) {
          this.Announce_(failure, true);
          return 0;
        }
        if (!result) {
          this.Announce_('', false);
          return 0;
        }
        const after = this.InsertImage_(result.src, result.alt, pos);
        this.Announce_(T.uploaded, false);
        return after;
      });
    }

    /// POSTs the file; resolves to {src, alt} or throws an Error whose message is for the user.
    async Upload_(file, alt) {
      const body = new FormData();
      body.append('file', file, file.name || 'anh');
      body.append('alt', alt);
      let response;
      try {
        response = await fetch(this.upload_url_, {
          method: 'POST',
          body,
          headers: { 'X-CSRF-Token': this.csrf_, Accept: 'application/json' },
          credentials: 'same-origin',
        });
      } catch (e) {
        throw new Error(T.uploadOffline);
      }
      let answer = null;
      try {
        answer = await response.json();
      } catch (e) {
        answer = null;
      }
      if (answer && answer.error && typeof answer.error.message === 'string' && answer.error.message) {
        throw new Error(answer.error.message);
      }
      if (!response.ok) throw new Error(`${T.uploadFailed}${response.status}).`);
      if (!answer || typeof answer.url !== 'string' || !answer.url) throw new Error(T.uploadBadAnswer);
      return { src: answer.url, alt: typeof answer.alt === 'string' && answer.alt.trim() ? answer.alt.trim() : alt };
    }

    InsertImage_(src, alt, pos) {
      const view = this.view_;
      const state = view.state;
      const image = state.schema.nodes.image.create({ src, alt, title: '' });
      const tr = state.tr;
      if (pos === null || pos === undefined) tr.replaceSelectionWith(image, false);
      else {
        const at = Math.max(0, Math.min(pos, state.doc.content.size));
        tr.replaceRangeWith(at, at, image);
      }
      view.dispatch(tr.scrollIntoView());
      return view.state.selection.to;
    }

    // -- Messages --------------------------------------------------------------------------------

    Announce_(message, is_error) {
      const status = this.status_;
      status.classList.toggle('md-editor__status--error', Boolean(is_error && message));
      // Emptied first so the same message said twice is announced twice.
      status.textContent = '';
      if (message) setTimeout(() => { status.textContent = message; }, 50);
    }
  }

  function Start() {
    const textareas = Array.prototype.filter.call(
      document.querySelectorAll('textarea[data-editor="markdown"]'), (t) => t.form);
    if (textareas.length === 0) return;
    const urls = {
      vendorScript: AssetUrl(kVendorScript),
      vendorStyle: AssetUrl(kVendorStyle),
      ownStyle: AssetUrl(kOwnStyle),
    };
    for (const t of textareas) t.setAttribute('data-editor-state', 'loading');
    LoadAssets(urls).then(() => {
      for (const textarea of textareas) {
        new MarkdownEditor(window.TuyenvanMilkdown, textarea).Mount().catch((e) => console.error('editor.js:', e));
      }
    }, (e) => {
      for (const t of textareas) t.setAttribute('data-editor-state', 'failed');
      console.error('editor.js:', e);
    });
  }

  // document.currentScript is only set while this file runs, so resolve the URLs now.
  const start = Start;
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
}());
