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

  // A frame whose app is down shows the browser's own error page, which says nothing useful
  // (and cross-origin, the host cannot read it). Once the frame has loaded, the host asks the
  // emulator whether the app answers at its URL: if not, the frame gives way to a message saying
  // so and how to start it, and the page reloads itself when the app comes up. If the app answers
  // but never starts the App SDK handshake, a banner says that instead.
  var problem = document.getElementById("app-problem");
  var handshakeDone = false;
  var pollTimer = null;

  function element(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      node.setAttribute(name, attributes[name]);
    });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function showProblem(testId, className, children) {
    problem.textContent = "";
    problem.className = className;
    problem.setAttribute("data-testid", testId);
    problem.setAttribute("role", "alert");
    children.forEach(function (child) {
      problem.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    problem.hidden = false;
  }

  function clearProblem() {
    problem.hidden = true;
    problem.textContent = "";
    iframe.hidden = false;
  }

  function connected() {
    handshakeDone = true;
    window.__hostShellState = "connected";
    clearProblem();
  }

  function checkStatus() {
    return fetch(config.statusUrl, { credentials: "same-origin" }).then(function (response) {
      return response.json();
    });
  }

  function showNotRunning(status) {
    iframe.hidden = true;
    window.__hostShellState = "not-running";
    showProblem("app-not-running", "card problem", [
      element("div", { class: "status" }, ["App unavailable"]),
      element("h1", {}, [config.appName + " is not running"]),
      element("p", { "data-testid": "problem-message" }, [
        config.appName + " is not running at ",
        element("code", {}, [config.appUrl]),
        " (" + status.reason + "). Start it with ",
        element("code", {}, ["npm start"]),
        " at the root of the lytics-access repository.",
      ]),
      element("p", {}, [
        "This page checks again every few seconds and opens the app as soon as it answers.",
      ]),
      element("div", { class: "actions" }, [
        element("button", { type: "button", "data-testid": "retry" }, ["Try again"]),
        element("a", { href: "/" }, ["All your organizations"]),
      ]),
    ]);
    problem.querySelector("button").addEventListener("click", function () {
      window.location.reload();
    });
    if (pollTimer === null) {
      pollTimer = window.setInterval(function () {
        checkStatus().then(
          function (next) {
            if (next.reachable) window.location.reload();
          },
          function () {},
        );
      }, 3000);
    }
  }

  function showNoHandshake() {
    window.__hostShellState = "no-handshake";
    showProblem("app-no-handshake", "card problem-banner", [
      element("strong", {}, [config.appName + " has not connected to Contentstack. "]),
      "The page at ",
      element("code", {}, [config.appUrl]),
      " loaded but did not start the App SDK handshake within " +
        Math.round(config.handshakeTimeoutMs / 1000) +
        " s. If the frame shows an error, the app's terminal has the details; if it shows another site, " +
        "the app's URL is wrong (the fixture's ",
      element("code", {}, ["app.global_full_page_url"]),
      ").",
    ]);
  }

  iframe.addEventListener("load", function () {
    if (handshakeDone) return;
    checkStatus().then(
      function (status) {
        if (handshakeDone) return;
        if (!status.reachable) return showNotRunning(status);
        window.setTimeout(function () {
          if (!handshakeDone) showNoHandshake();
        }, config.handshakeTimeoutMs);
      },
      function () {
        // The shell itself did not answer: nothing more useful to say than the browser does.
      },
    );
  });

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
    connected();
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
