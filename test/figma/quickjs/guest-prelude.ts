/**
 * The guest half of the membrane between a plugin running in QuickJS and the emulator running in
 * Node (host.ts is the other half). It is evaluated inside QuickJS before the bundle and defines
 * the sandbox globals Figma documents: figma, __html__, __uiFiles__, console and the timer
 * functions (typings index.d.ts; https://developers.figma.com/docs/plugins/how-plugins-run).
 *
 * Every object the host owns (the figma API, nodes, figma.ui, figma.viewport…) is a Proxy here
 * whose traps call the host, so every property read, write and method call crosses into Node, as
 * every call into `figma` crosses out of Figma's VM. Plain data (paints, font names, arrays of
 * nodes, messages) is copied across as JSON.
 *
 * Wire format (one string per value):
 *   u undefined · l null · T/F booleans · d<number> · s<string> · m figma.mixed
 *   o<id> a host object · f a method (host → guest) · f<id> a guest function (guest → host)
 *   p<id> a promise the host settles later · j<json> data · J<json> data with markers
 *   e<json {name,message}> the host threw
 * Markers inside J data: {"\u0001o":id} host object, {"\u0001m":1} figma.mixed,
 *   {"\u0001b":[bytes]} Uint8Array.
 */
export const GUEST_PRELUDE = String.raw`(function (host) {
  'use strict';
  var G = globalThis;
  var proxies = new Map();
  var idOf = new WeakMap();
  var methods = new Map();
  var guestFns = new Map();
  var guestFnIds = new WeakMap();
  var nextFn = 1;
  var pending = new Map();
  var timers = new Map();
  var encoding = false;
  var marked = false;
  var MIXED = Symbol('figma.mixed');
  var MARK = '\u0001';

  function reviver(key, v) {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      if ((MARK + 'o') in v) return proxyFor(v[MARK + 'o']);
      if ((MARK + 'm') in v) return MIXED;
      if ((MARK + 'b') in v) return new Uint8Array(v[MARK + 'b']);
    }
    return v;
  }

  function fail(json) {
    var e = JSON.parse(json);
    var Ctor = e.name === 'TypeError' ? TypeError : e.name === 'RangeError' ? RangeError : e.name === 'SyntaxError' ? SyntaxError : Error;
    var err = new Ctor(e.message);
    throw err;
  }

  function decode(s) {
    var tag = s.charCodeAt(0);
    switch (tag) {
      case 117: return undefined;                 // u
      case 108: return null;                      // l
      case 84: return true;                       // T
      case 70: return false;                      // F
      case 100: return Number(s.slice(1));        // d
      case 115: return s.slice(1);                // s
      case 109: return MIXED;                     // m
      case 111: return proxyFor(Number(s.slice(1))); // o
      case 106: return JSON.parse(s.slice(1));    // j
      case 74: return JSON.parse(s.slice(1), reviver); // J
      case 112: return promiseFor(Number(s.slice(1))); // p
      case 101: return fail(s.slice(1));          // e
    }
    throw new Error('membrane: bad value from host: ' + s.slice(0, 40));
  }

  function encode(v) {
    switch (typeof v) {
      case 'number': return 'd' + v;
      case 'string': return 's' + v;
      case 'boolean': return v ? 'T' : 'F';
      case 'undefined': return 'u';
      case 'function': return 'f' + fnId(v);
      case 'symbol': return v === MIXED ? 'm' : 'u';
      case 'bigint': throw new TypeError('A BigInt cannot be passed to the Figma API');
    }
    if (v === null) return 'l';
    var id = idOf.get(v);
    if (id !== undefined) return 'o' + id;
    if (v instanceof Uint8Array) return 'J' + JSON.stringify({ '\u0001b': Array.prototype.slice.call(v) });
    encoding = true;
    marked = false;
    try {
      var json = JSON.stringify(v);
    } finally {
      encoding = false;
    }
    return (marked ? 'J' : 'j') + json;
  }

  function fnId(fn) {
    var id = guestFnIds.get(fn);
    if (id === undefined) {
      id = nextFn++;
      guestFnIds.set(fn, id);
      guestFns.set(id, fn);
    }
    return id;
  }

  function promiseFor(pid) {
    return new Promise(function (resolve, reject) { pending.set(pid, { resolve: resolve, reject: reject }); });
  }

  function call(op, id, key, args) {
    var enc = [op, id, key];
    for (var i = 0; i < args.length; i++) enc.push(encode(args[i]));
    return decode(host.apply(undefined, enc));
  }

  // One function per method name, shared by every host object (as methods on a prototype are):
  // it finds its object through \`this\`. A method called on something else is refused.
  function methodOf(key) {
    var m = methods.get(key);
    if (!m) {
      m = function () {
        var id = idOf.get(this);
        if (id === undefined) throw new TypeError('Illegal invocation of ' + key);
        return call('c', id, key, arguments);
      };
      methods.set(key, m);
    }
    return m;
  }

  // One handler for every host object; the target carries the object's id. Each host object costs
  // the VM two small objects (target and proxy), as few as a membrane can give it.
  var handler = {
    get: function (t, key) {
      if (typeof key === 'symbol') return undefined;
      if (key === 'toJSON' && encoding) return function () { marked = true; return { '\u0001o': t.id }; };
      var r = host('g', t.id, key);
      return r === 'f' ? methodOf(key) : decode(r);
    },
    set: function (t, key, value) {
      if (typeof key === 'symbol') throw new TypeError('Symbols cannot be set on Figma objects');
      decode(host('s', t.id, key, encode(value)));
      return true;
    },
    has: function (t, key) {
      return typeof key === 'string' && host('h', t.id, key) === 'T';
    },
    ownKeys: function (t) {
      return JSON.parse(host('k', t.id, ''));
    },
    getOwnPropertyDescriptor: function (t, key) {
      if (typeof key !== 'string' || host('h', t.id, key) !== 'T') return undefined;
      return { value: handler.get(t, key), writable: true, enumerable: true, configurable: true };
    },
    deleteProperty: function (t, key) {
      decode(host('d', t.id, String(key)));
      return false;
    },
    defineProperty: function (t, key) {
      decode(host('d', t.id, String(key)));
      return false;
    },
  };

  function proxyFor(id) {
    var p = proxies.get(id);
    if (p) return p;
    p = new Proxy({ id: id }, handler);
    proxies.set(id, p);
    idOf.set(p, id);
    return p;
  }

  // Entry points the host calls: a guest function, a settled promise, a timer.
  var entry = {
    invoke: function (fid, a, b, c, d) {
      var fn = guestFns.get(fid);
      if (!fn) throw new Error('membrane: unknown guest function ' + fid);
      var args = [];
      for (var i = 1; i < arguments.length; i++) args.push(decode(arguments[i]));
      return encode(fn.apply(undefined, args));
    },
    settle: function (pid, ok, value) {
      var p = pending.get(pid);
      pending.delete(pid);
      if (!p) return;
      if (ok) p.resolve(decode(value));
      else {
        try { decode(value); } catch (e) { p.reject(e); }
      }
    },
    timer: function (tid) {
      var t = timers.get(tid);
      if (!t) return;
      if (!t.repeat) timers.delete(tid);
      t.fn.apply(undefined, t.args);
    },
  };

  function schedule(repeat) {
    return function (fn, ms) {
      if (typeof fn !== 'function') throw new TypeError('The timer callback must be a function');
      var args = Array.prototype.slice.call(arguments, 2);
      var tid = decode(host('t', repeat ? 1 : 0, '', 'd' + (Number(ms) || 0)));
      timers.set(tid, { fn: fn, args: args, repeat: repeat });
      return tid;
    };
  }
  function cancel(tid) {
    if (!timers.delete(tid)) return;
    host('x', Number(tid), '');
  }

  var define = function (name, value) {
    Object.defineProperty(G, name, { value: value, writable: true, configurable: true, enumerable: false });
  };
  define('figma', proxyFor(1));
  define('console', proxyFor(2));
  define('__html__', decode(host('g', 3, 'html')));
  define('__uiFiles__', {});
  define('setTimeout', schedule(false));
  define('setInterval', schedule(true));
  define('clearTimeout', cancel);
  define('clearInterval', cancel);
  return entry;
})`;
