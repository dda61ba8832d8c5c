/*
 * Load the search index only once search is used.
 *
 * Material's bundle asks for the whole index as soon as a page loads: online through an
 * XMLHttpRequest for search/search_index.json, offline (file://) by adding a <script> for
 * search/search_index.js. Loaded before the bundle, this script holds back those two
 * requests until the reader opens search: focuses the search field (also through its
 * keyboard shortcuts), opens it from the header's button, or arrives from a search result
 * (?h=…, whose words the page highlights). The bundle itself is left as it is.
 */
(function () {
  "use strict";

  var INDEX = /(^|\/)search\/search_index\.js(on)?$/;
  var wanted = /[?&]h=/.test(location.search);
  var waiting = [];

  function isIndex(url) {
    try {
      return INDEX.test(new URL(url, location.href).pathname);
    } catch (err) {
      return false;
    }
  }

  function release() {
    if (wanted) return;
    wanted = true;
    waiting.splice(0).forEach(function (go) { go(); });
  }

  /* Online: hold the request for search_index.json until search is used. */
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.__searchIndex = isIndex(url);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var xhr = this;
    var args = arguments;
    if (!xhr.__searchIndex || wanted) return send.apply(xhr, args);
    waiting.push(function () {
      if (xhr.readyState === XMLHttpRequest.OPENED) send.apply(xhr, args);  /* not aborted meanwhile */
    });
  };

  /* Offline: hold the <script> that defines the index until search is used. */
  var head = document.head;
  var append = head.appendChild;
  head.appendChild = function (node) {
    if (!wanted && node && node.tagName === "SCRIPT" && isIndex(node.src)) {
      waiting.push(function () { append.call(head, node); });
      return node;
    }
    return append.call(head, node);
  };
  var remove = head.removeChild;
  head.removeChild = function (node) {
    return node && node.parentNode === head ? remove.call(head, node) : node;
  };

  /* Search is used: its field takes the focus, or its toggle (the header's button) opens it. */
  document.addEventListener("focusin", function (ev) {
    if (ev.target && ev.target.matches && ev.target.matches("[data-md-component=search-query]")) release();
  }, true);
  document.addEventListener("change", function (ev) {
    if (ev.target && ev.target.id === "__search" && ev.target.checked) release();
  }, true);
})();
