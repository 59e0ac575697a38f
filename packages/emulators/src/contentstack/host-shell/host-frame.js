/* global window, document */
// Runs in the host shell page (plain browser JS, served as-is). Mounts the app's iframe and
// answers the App SDK over post-robot 8. Handlers are registered in the same tick the iframe is
// appended, before its document can load, or `init` would be rejected ("No handler found").
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("host-config").textContent);
  var slot = document.getElementById("app-frame-slot");
  var iframe = document.createElement("iframe");
  iframe.className = "app-frame";
  iframe.setAttribute("data-testid", "app-extension-frame");
  iframe.setAttribute("title", config.appName);
  iframe.src = config.iframeSrc;
  slot.appendChild(iframe);

  var target = { window: iframe.contentWindow, domain: config.appOrigin };
  var store = {};
  var log = (window.__hostShellMessages = []);
  function on(name, handler) {
    window.postRobot.on(name, target, function (event) {
      log.push(name);
      return handler(event.data || {});
    });
  }

  on("init", function () {
    return config.initData;
  });
  on("getConfig", function () {
    return config.initData.config;
  });
  on("apiAdapter", function (request) {
    // Function fields of the axios config arrive as cross-window proxies: send only data fields.
    var plain = {
      baseURL: request.baseURL,
      url: request.url,
      method: request.method,
      params: request.params,
      data: request.data,
    };
    return fetch("/host-shell/api-adapter", {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json", "x-host-shell": "1" },
      body: JSON.stringify({ organization_uid: config.initData.organization.uid, request: plain }),
    }).then(function (response) {
      return response.json();
    });
  });
  on("store", function (request) {
    switch (request.action) {
      case "get":
        return store[request.key] === undefined ? null : store[request.key];
      case "getAll":
        return Object.assign({}, store);
      case "set":
        store[request.key] = request.value;
        return true;
      case "remove":
        delete store[request.key];
        return true;
      case "clear":
        store = {};
        return true;
      default:
        return null;
    }
  });
  ["stackQuery", "ready", "analytics", "window", "resize", "eventRegistration"].forEach(
    function (name) {
      on(name, function () {
        return {};
      });
    },
  );
})();
