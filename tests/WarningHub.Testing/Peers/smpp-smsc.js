'use strict';
// An SMSC made of the independent npm package `smpp` (0.5.1), for WarningHub's interop tests.
// Prints the listening port as the first stdout line, then one JSON object per line for every event (bind,
// enquire_link, submit, message, throttled, receipt-acknowledged, query, unbind, ...).
//
//   node smpp-smsc.js [--system-id ID] [--password PW] [--throttle-every N] [--throttle-percent P]
//                     [--throttle-rate N] [--receipt-loss-percent P] [--query-sm ok|nack|invalid] [--seed S]
//
// Fault switches: --throttle-percent answers that share of submits ESME_RTHROTTLED at random; --throttle-rate
// answers ESME_RTHROTTLED to any submit beyond N accepted in the last second (sliding); --receipt-loss-percent
// never sends the receipt of that share of accepted parts (logged as receipt-withheld); --query-sm says how
// query_sm is answered: with the message's state (ok), generic_nack (nack) or ESME_RINVCMDID (invalid).
// Every submit and throttled event carries the destination, the concatenation (kind, ref, seq, total) and `at`,
// milliseconds on a monotonic clock, so a test can count, per phone, complete messages, orphan parts and
// duplicates, and the parts the SMSC saw in any sliding second.
//
// Commands on stdin, one JSON object per line: {"type":"mo","from":"8613800138001","to":"10657001","text":"收到",
// "dataCoding":8} sends that text as a mobile-originated deliver_sm (esm_class 0) on every transceiver session,
// logged as mo-acknowledged with the deliver_sm_resp status. "dataCoding" defaults to the package's own choice.
//
// The package is loaded from $WARNINGHUB_NODE_MODULES when set, else through NODE_PATH.

const path = require('path');

function loadSmpp() {
  const dir = process.env.WARNINGHUB_NODE_MODULES;
  return dir ? require(path.join(dir, 'smpp')) : require('smpp');
}

function option(name, fallback) {
  const at = process.argv.indexOf(name);
  return at >= 0 && at + 1 < process.argv.length ? process.argv[at + 1] : fallback;
}

const smpp = loadSmpp();
const systemId = option('--system-id', 'warninghub');
const password = option('--password', 'secret');
const throttleEvery = parseInt(option('--throttle-every', '0'), 10);
const throttlePercent = parseFloat(option('--throttle-percent', '0'));
const throttleRate = parseInt(option('--throttle-rate', '0'), 10);
const receiptLossPercent = parseFloat(option('--receipt-loss-percent', '0'));
const querySm = option('--query-sm', 'ok');
let seed = parseInt(option('--seed', '12345'), 10) >>> 0;

// A small seeded generator (mulberry32), so a fault pattern can be repeated.
function random() {
  seed = (seed + 0x6D2B79F5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

function now() {
  return Number(process.hrtime.bigint()) / 1e6;
}

// The SMSC's own stalls: when its event loop was blocked (a loaded machine), submits waiting in the socket are all
// stamped at the end of the stall, which packs them into fewer milliseconds than they were sent in. Stalls longer
// than 50 ms are logged so that a rate test can tell the SMSC's lateness from the sender's.
let lastTick = now();
setInterval(() => {
  const at = now();
  if (at - lastTick > 60) {
    log({ type: 'stall', at, ms: at - lastTick - 10 });
  }
  lastTick = at;
}, 10).unref();

const acceptedTimes = [];
const known = new Map();

function overRate(at) {
  while (acceptedTimes.length > 0 && at - acceptedTimes[0] >= 1000) {
    acceptedTimes.shift();
  }
  return throttleRate > 0 && acceptedTimes.length >= throttleRate;
}

let submits = 0;
let nextId = 0x5A000000;
const partial = new Map();

function log(event) {
  process.stdout.write(JSON.stringify(event) + '\n');
}

function twoDigits(n) {
  return (n < 10 ? '0' : '') + n;
}

function smscDate(date) {
  return twoDigits(date.getUTCFullYear() % 100) + twoDigits(date.getUTCMonth() + 1) + twoDigits(date.getUTCDate()) +
    twoDigits(date.getUTCHours()) + twoDigits(date.getUTCMinutes());
}

// The package decodes short_message into { udh: [element buffers], message: string } when it can.
function readParts(pdu) {
  const sm = pdu.short_message;
  let text = '';
  let udh = null;
  let concat = null;
  if (sm && typeof sm === 'object' && !Buffer.isBuffer(sm)) {
    text = typeof sm.message === 'string' ? sm.message : Buffer.from(sm.message || []).toString('hex');
    if (sm.udh) {
      udh = sm.udh.map((element) => Buffer.from(element).toString('hex'));
      for (const element of sm.udh) {
        if (element[0] === 0x00 && element[1] === 3) {
          concat = { kind: 'udh', ref: element[2], total: element[3], seq: element[4] };
        } else if (element[0] === 0x08 && element[1] === 4) {
          concat = { kind: 'udh16', ref: (element[2] << 8) | element[3], total: element[4], seq: element[5] };
        }
      }
    }
  } else if (Buffer.isBuffer(sm)) {
    text = sm.toString('hex');
  }

  let payload = false;
  const mp = pdu.message_payload;
  if (!text && mp) {
    payload = true;
    text = typeof mp === 'string' ? mp
      : mp && typeof mp.message === 'string' ? mp.message
      : Buffer.from((mp && mp.message) || mp || []).toString('hex');
  }

  if (!concat && pdu.sar_total_segments) {
    concat = { kind: 'sar', ref: pdu.sar_msg_ref_num, total: pdu.sar_total_segments, seq: pdu.sar_segment_seqnum };
  }

  return { text, udh, concat, payload };
}

function assemble(pdu, id, parts) {
  const destination = pdu.destination_addr;
  if (!parts.concat || parts.concat.total <= 1) {
    log({ type: 'message', destination, text: parts.text, concatenation: parts.payload ? 'payload' : 'none', dataCoding: pdu.data_coding, ids: [id] });
    return;
  }

  const key = destination + '/' + parts.concat.kind + '/' + parts.concat.ref;
  let entry = partial.get(key);
  if (!entry) {
    entry = { texts: new Array(parts.concat.total), ids: new Array(parts.concat.total), count: 0 };
    partial.set(key, entry);
  }

  if (entry.texts[parts.concat.seq - 1] === undefined) {
    entry.count++;
  }

  entry.texts[parts.concat.seq - 1] = parts.text;
  entry.ids[parts.concat.seq - 1] = id;
  if (entry.count === parts.concat.total) {
    partial.delete(key);
    log({ type: 'message', destination, text: entry.texts.join(''), concatenation: parts.concat.kind, dataCoding: pdu.data_coding, ids: entry.ids });
  }
}

const transceivers = new Set();

const server = smpp.createServer((session) => {
  let mode = null;
  session.on('close', () => transceivers.delete(session));

  const onBind = (kind) => (pdu) => {
    if (pdu.system_id !== systemId || pdu.password !== password) {
      log({ type: 'bind-refused', mode: kind, systemId: pdu.system_id });
      session.send(pdu.response({ command_status: smpp.ESME_RBINDFAIL }));
      session.close();
      return;
    }

    mode = kind;
    if (kind === 'transceiver') {
      transceivers.add(session);
    }
    session.send(pdu.response({ system_id: 'NODESMSC' }));
    log({ type: 'bind', mode: kind, systemId: pdu.system_id });
  };

  session.on('bind_transceiver', onBind('transceiver'));
  session.on('bind_transmitter', onBind('transmitter'));
  session.on('enquire_link', (pdu) => {
    log({ type: 'enquire_link', mode });
    session.send(pdu.response());
  });
  session.on('unbind', (pdu) => {
    log({ type: 'unbind', mode });
    session.send(pdu.response());
    session.close();
  });
  session.on('error', (error) => log({ type: 'error', message: String(error && error.message) }));

  session.on('query_sm', (pdu) => {
    const entry = known.get(pdu.message_id);
    log({ type: 'query', id: pdu.message_id, source: pdu.source_addr, found: !!entry, mode: querySm });
    if (querySm === 'nack') {
      session.send(new smpp.PDU('generic_nack', { sequence_number: pdu.sequence_number, command_status: smpp.ESME_RINVCMDID }));
    } else if (querySm === 'invalid') {
      session.send(pdu.response({ command_status: smpp.ESME_RINVCMDID }));
    } else if (!entry || entry.source !== pdu.source_addr) {
      session.send(pdu.response({ command_status: smpp.ESME_RQUERYFAIL }));
    } else {
      session.send(pdu.response({ message_id: pdu.message_id, final_date: entry.doneAt, message_state: 2, error_code: 0 }));
    }
  });

  session.on('submit_sm', (pdu) => {
    submits++;
    const at = now();
    if ((throttleEvery > 0 && submits % throttleEvery === 0) || (throttlePercent > 0 && random() * 100 < throttlePercent) || overRate(at)) {
      const throttled = readParts(pdu);
      log({ type: 'throttled', sequence: pdu.sequence_number, destination: pdu.destination_addr, concat: throttled.concat, at });
      session.send(pdu.response({ command_status: smpp.ESME_RTHROTTLED }));
      return;
    }

    acceptedTimes.push(at);
    const id = (nextId++).toString(16).toUpperCase();
    known.set(id, { source: pdu.source_addr, doneAt: new Date() });
    session.send(pdu.response({ message_id: id }));
    const parts = readParts(pdu);
    log({
      type: 'submit',
      at,
      id,
      destination: pdu.destination_addr,
      source: pdu.source_addr,
      dataCoding: pdu.data_coding,
      esmClass: pdu.esm_class,
      registeredDelivery: pdu.registered_delivery,
      udh: parts.udh,
      concat: parts.concat,
      text: parts.text,
    });
    assemble(pdu, id, parts);

    if ((pdu.registered_delivery & 0x03) !== 0 && receiptLossPercent > 0 && random() * 100 < receiptLossPercent) {
      log({ type: 'receipt-withheld', id, destination: pdu.destination_addr });
    } else if ((pdu.registered_delivery & 0x03) !== 0 && mode === 'transceiver') {
      const date = smscDate(new Date());
      session.deliver_sm({
        source_addr: pdu.destination_addr,
        destination_addr: pdu.source_addr,
        esm_class: 0x04,
        data_coding: 0,
        short_message: 'id:' + id + ' sub:001 dlvrd:001 submit date:' + date + ' done date:' + date + ' stat:DELIVRD err:000 text:',
        receipted_message_id: id,
        message_state: 2,
      }, (resp) => log({ type: 'receipt-acknowledged', id, status: resp.command_status }));
    }
  });
});

function sendMobileOriginated(command) {
  const fields = { source_addr: command.from, destination_addr: command.to, esm_class: 0, short_message: command.text };
  if (command.dataCoding !== undefined) {
    fields.data_coding = command.dataCoding;
  }
  if (transceivers.size === 0) {
    log({ type: 'mo-unsent', from: command.from, reason: 'no transceiver bound' });
  }
  for (const session of transceivers) {
    session.deliver_sm(fields, (resp) => log({ type: 'mo-acknowledged', from: command.from, text: command.text, status: resp.command_status }));
  }
}

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  input += chunk;
  let newline;
  while ((newline = input.indexOf('\n')) >= 0) {
    const line = input.slice(0, newline).trim();
    input = input.slice(newline + 1);
    if (!line) {
      continue;
    }
    try {
      const command = JSON.parse(line);
      if (command.type === 'mo') {
        sendMobileOriginated(command);
      } else {
        log({ type: 'command-unknown', command: command.type });
      }
    } catch (error) {
      log({ type: 'command-unreadable', message: String(error && error.message) });
    }
  }
});

server.listen(0, '127.0.0.1', () => {
  process.stdout.write(server.address().port + '\n');
});

process.on('SIGTERM', () => process.exit(0));
