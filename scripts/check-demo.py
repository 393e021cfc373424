#!/usr/bin/env python3
"""Check demo/ against docs/IMPORT.md and against the sourced catalog.

Development and CI tool only; it is NOT the importer (`motcua import` is).

usage: scripts/check-demo.py [--demo DIR] [CATALOG]

  DIR      the import directory to check (default: demo/ next to scripts/)
  CATALOG  the sourced catalog, sonoivu-catalog.json
           (default: ../shared/data/sonoivu-catalog.json from the repository root)

Checks every rule of docs/IMPORT.md (files, keys, enums, references,
process graphs, longest path within the legal limit, UTF-8 NFC) plus the
demo's own rules: counts (>= 30 TTHC, >= 10 units, >= 40 people, >= 5
internal work items per unit), every TTHC fact equal to the catalog, every
step held by someone, file formatting. Prints one line per error, exits 1
if there is any. Python 3 standard library only.
"""

import json
import os
import re
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

UNIT_KINDS = {"leadership", "office", "division", "subagency", "reception", "control", "committee"}
ROLES = {"director", "deputy_director", "head", "deputy_head", "specialist", "reception", "clerk",
         "control", "steering", "admin"}
LEVELS = {"tinh", "xa", "huyen", "bo"}
ONLINE = {"toan_trinh", "mot_phan"}
TIME_UNITS = {"working_days", "working_hours"}
STATUSES = {"draft", "submitted", "approved", "effective", "superseded"}
KINDS = {"tthc", "internal"}

RE_UNIT = re.compile(r"^[A-Z0-9_-]{1,16}$")
RE_USER = re.compile(r"^[a-z0-9._-]{3,32}$")
RE_DATE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")
RE_AGENCY = re.compile(r"^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$")   # QCVN 102 written form (demo rule)
RE_DOMAIN = re.compile(r"^[A-Z0-9_-]{1,16}$")                    # short ASCII code (demo rule)

# catalog labels -> import enums
CAT_LEVEL = {"tỉnh": "tinh", "xã": "xa", "huyện": "huyen"}
CAT_ONLINE = {"toàn trình": "toan_trinh", "một phần": "mot_phan"}

DEMO_PASSWORD = "motcua-demo"
MIN_TTHC, MIN_UNITS, MIN_PEOPLE, MIN_INTERNAL_PER_UNIT = 30, 10, 40, 5

errors = []


def err(where, msg):
    errors.append("%s: %s" % (where, msg))


# ---------------------------------------------------------------- reading

class DupKey(Exception):
    pass


def no_dups(pairs):
    obj = {}
    for k, v in pairs:
        if k in obj:
            raise DupKey(k)
        obj[k] = v
    return obj


def load(dirpath, name, required=True):
    path = os.path.join(dirpath, name)
    if not os.path.exists(path):
        if required:
            err(name, "missing")
        return None
    raw = open(path, "rb").read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        err(name, "not UTF-8 (%s)" % e)
        return None
    try:
        obj = json.loads(text, object_pairs_hook=no_dups)
    except DupKey as e:
        err(name, "duplicate key %r" % str(e))
        return None
    except ValueError as e:
        err(name, "invalid JSON (%s)" % e)
        return None
    check_strings(name, "$", obj)
    # demo rule: pretty-printed, 2-space indent, not ASCII-escaped, final newline
    if json.dumps(obj, ensure_ascii=False, indent=2) + "\n" != text:
        err(name, "not formatted as json.dumps(indent=2, ensure_ascii=False) plus a final newline")
    return obj


def check_strings(f, path, v):
    if isinstance(v, str):
        if unicodedata.normalize("NFC", v) != v:
            err(f, "%s: string is not NFC" % path)
        if v != v.strip() or v == "":
            err(f, "%s: empty string or leading/trailing blanks" % path)
    elif isinstance(v, list):
        for i, x in enumerate(v):
            check_strings(f, "%s[%d]" % (path, i), x)
    elif isinstance(v, dict):
        for k, x in v.items():
            check_strings(f, "%s.%s" % (path, k), x)


# ---------------------------------------------------------------- helpers

def keys(f, path, obj, required, optional=()):
    """Check obj is an object with the required keys and no unknown ones."""
    if not isinstance(obj, dict):
        err(f, "%s: must be an object" % path)
        return False
    for k in required:
        if k not in obj:
            err(f, "%s: missing key %r" % (path, k))
    for k in obj:
        if k not in required and k not in optional:
            err(f, "%s: unknown key %r" % (path, k))
    return True


def is_str(f, path, v, nullable=False):
    if v is None and nullable:
        return True
    if not isinstance(v, str):
        err(f, "%s: must be a string%s" % (path, " or null" if nullable else ""))
        return False
    return True


def is_bool(f, path, v):
    if not isinstance(v, bool):
        err(f, "%s: must be true or false" % path)


def is_num(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def is_half(v):
    return is_num(v) and v > 0 and float(v) * 2 == int(float(v) * 2)


def str_list(f, path, v):
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        err(f, "%s: must be a list of strings" % path)
        return []
    return v


def opt(obj, k, d=None):
    return obj.get(k, d) if isinstance(obj, dict) else d


# ---------------------------------------------------------------- files

def check_agency(d):
    f = "agency.json"
    a = load(d, f)
    if a is None:
        return
    if not keys(f, "$", a, ["code", "name"], ["name_en", "province", "address", "phone", "email", "website",
                                               "abbreviation"]):
        return
    for k, v in a.items():
        is_str(f, "$." + k, v)
    code = a.get("code")
    if isinstance(code, str):
        if len(code) > 13:
            err(f, "$.code: at most 13 characters")
        if not RE_AGENCY.match(code):
            err(f, "$.code: not of the QCVN 102 form NNN.NN.NN.ANN")
    abbr = a.get("abbreviation")
    # NĐ 30/2020 ký hiệu groups: capitals, Đ, digits, single hyphens (core/agency.c).
    if isinstance(abbr, str) and not re.fullmatch(r"[A-ZĐ](?:[A-ZĐ0-9]|-(?=[A-ZĐ0-9])){0,19}", abbr):
        err(f, "$.abbreviation: upper-case letters, Đ, digits and single hyphens, from a letter")


def check_units(d):
    f = "units.json"
    us = load(d, f)
    units = {}
    if us is None:
        return units
    if not isinstance(us, list):
        err(f, "$: must be a list")
        return units
    for i, u in enumerate(us):
        p = "$[%d]" % i
        if not keys(f, p, u, ["code", "name", "parent", "kind"], ["name_en"]):
            continue
        c = u.get("code")
        if not isinstance(c, str) or not RE_UNIT.match(c):
            err(f, p + ".code: 1-16 characters [A-Z0-9_-]")
            continue
        if c in units:
            err(f, p + ".code: duplicate %r" % c)
        units[c] = u
        is_str(f, p + ".name", u.get("name"))
        if "name_en" in u:
            is_str(f, p + ".name_en", u["name_en"])
        is_str(f, p + ".parent", u.get("parent"), nullable=True)
        if u.get("kind") not in UNIT_KINDS:
            err(f, p + ".kind: one of " + ", ".join(sorted(UNIT_KINDS)))
    roots = [c for c, u in units.items() if u.get("parent") is None]
    for c, u in units.items():
        par = u.get("parent")
        if par is not None and par not in units:
            err(f, "unit %s: parent %r is not a unit" % (c, par))
    for c in units:  # no cycle
        seen, x = set(), c
        while x is not None and x in units:
            if x in seen:
                err(f, "unit %s: parent chain has a cycle" % c)
                break
            seen.add(x)
            x = units[x].get("parent")
    # demo rules
    if len(roots) != 1:
        err(f, "demo: the tree must have exactly one root, found %d" % len(roots))
    elif units[roots[0]].get("kind") != "leadership":
        err(f, "demo: the root must be the leadership board (kind leadership)")
    if len(units) < MIN_UNITS:
        err(f, "demo: at least %d units, found %d" % (MIN_UNITS, len(units)))
    have = {u.get("kind") for u in units.values()}
    for k in ("reception", "control", "committee", "office"):
        if k not in have:
            err(f, "demo: no unit of kind %s" % k)
    return units


def check_people(d, units):
    f = "people.json"
    ps = load(d, f)
    people = {}
    if ps is None:
        return people
    if not isinstance(ps, list):
        err(f, "$: must be a list")
        return people
    for i, pr in enumerate(ps):
        p = "$[%d]" % i
        if not keys(f, p, pr, ["username", "full_name", "roles"],
                    ["position", "email", "phone", "password", "in_charge_of"]):
            continue
        un = pr.get("username")
        if not isinstance(un, str) or not RE_USER.match(un):
            err(f, p + ".username: 3-32 characters [a-z0-9._-]")
            continue
        if un in people:
            err(f, p + ".username: duplicate %r" % un)
        people[un] = pr
        for k in ("full_name", "position", "email", "phone", "password"):
            if k in pr:
                is_str(f, p + "." + k, pr[k])
        roles = pr.get("roles")
        if not isinstance(roles, list) or not roles:
            err(f, p + ".roles: one or more {role, unit}")
            roles = []
        for j, r in enumerate(roles):
            rp = "%s.roles[%d]" % (p, j)
            if not keys(f, rp, r, ["role", "unit"]):
                continue
            if r.get("role") not in ROLES:
                err(f, rp + ".role: one of " + ", ".join(sorted(ROLES)))
            if r.get("unit") not in units:
                err(f, rp + ".unit: %r is not a unit" % r.get("unit"))
        ic = pr.get("in_charge_of", [])
        for j, c in enumerate(str_list(f, p + ".in_charge_of", ic)):
            if c not in units:
                err(f, "%s.in_charge_of[%d]: %r is not a unit" % (p, j, c))
        is_deputy = any(opt(r, "role") == "deputy_director" for r in roles)
        if ic and not is_deputy:
            err(f, p + ".in_charge_of: only a deputy director is in charge of units")
        # demo rules
        if pr.get("password") != DEMO_PASSWORD:
            err(f, p + ".password: demo: every demo person has password %r" % DEMO_PASSWORD)
        if "email" in pr and not str(pr["email"]).endswith("@example.gov.vn"):
            err(f, p + ".email: demo: fictitious addresses on example.gov.vn only")
        if is_deputy and not ic:
            err(f, p + ".in_charge_of: demo: a deputy director is in charge of some units")
        name = pr.get("full_name", "")
        if isinstance(name, str) and (len(name.split()) < 2 or name.isascii()):
            err(f, p + ".full_name: demo: a Vietnamese full name with diacritics")
    if len(people) < MIN_PEOPLE:
        err(f, "demo: at least %d people, found %d" % (MIN_PEOPLE, len(people)))
    count = lambda role: sum(1 for x in people.values() for r in x.get("roles", []) if opt(r, "role") == role)
    if count("director") != 1:
        err(f, "demo: exactly one director")
    if not 2 <= count("deputy_director") <= 3:
        err(f, "demo: 2-3 deputy directors")
    for role in ("head", "specialist", "reception", "clerk", "control", "steering", "admin"):
        if count(role) == 0:
            err(f, "demo: nobody has role %s" % role)
    return people


def check_domains(d):
    f = "domains.json"
    ds = load(d, f)
    doms = {}
    if ds is None:
        return doms
    if not isinstance(ds, list):
        err(f, "$: must be a list")
        return doms
    for i, x in enumerate(ds):
        p = "$[%d]" % i
        if not keys(f, p, x, ["code", "name"], ["name_en"]):
            continue
        c = x.get("code")
        if not isinstance(c, str) or not RE_DOMAIN.match(c):
            err(f, p + ".code: demo: a short ASCII code [A-Z0-9_-]")
            continue
        if c in doms:
            err(f, p + ".code: duplicate %r" % c)
        doms[c] = x
        for k in ("name", "name_en"):
            if k in x:
                is_str(f, p + "." + k, x[k])
    return doms


# ---------------------------------------------------------------- processes

def longest_path(steps, nxt):
    """Longest path (by hours) over the DAG; returns (hours, [keys])."""
    memo = {}

    def go(k):
        if k in memo:
            return memo[k]
        best = (0, [])
        for n in nxt[k]:
            h, path = go(n)
            if h > best[0] or not best[1]:
                best = (h, path)
        memo[k] = (steps[k] + best[0], [k] + best[1])
        return memo[k]
    starts = [k for k in steps if not any(k in nxt[o] for o in nxt)]
    return max((go(s) for s in starts), default=(0, []))


def check_process(f, p, pr, limit_hours, limit_text, units, people, holders, kind):
    if not keys(f, p, pr, ["code", "name", "issue", "effective", "status", "steps"],
                ["drafter", "reviewer", "approver"]):
        return None
    is_str(f, p + ".code", pr.get("code"))
    is_str(f, p + ".name", pr.get("name"))
    iss = pr.get("issue")
    if not isinstance(iss, int) or isinstance(iss, bool) or iss < 1:
        err(f, p + ".issue: a positive integer")
    eff = pr.get("effective")
    if not isinstance(eff, str) or not RE_DATE.match(eff):
        err(f, p + ".effective: a date YYYY-MM-DD")
    if pr.get("status") not in STATUSES:
        err(f, p + ".status: one of " + ", ".join(sorted(STATUSES)))
    for k in ("drafter", "reviewer", "approver"):
        if k in pr and pr[k] not in people:
            err(f, "%s.%s: %r is not a username in people.json" % (p, k, pr[k]))
    # demo rules on the control block
    if pr.get("status") != "effective":
        err(f, p + ".status: demo: effective")
    if isinstance(eff, str) and not eff.startswith(("2025-", "2026-")):
        err(f, p + ".effective: demo: a date in 2025 or 2026")
    ap = pr.get("approver")
    if ap in people and not any(opt(r, "role") == "director" for r in people[ap].get("roles", [])):
        err(f, p + ".approver: demo: the director approves")
    for k in ("drafter", "reviewer", "approver"):
        if k not in pr:
            err(f, p + ": demo: names its %s" % k)

    steps = pr.get("steps")
    if not isinstance(steps, list) or not steps:
        err(f, p + ".steps: a non-empty list")
        return None
    hours, nxt, ok = {}, {}, True
    for i, s in enumerate(steps):
        sp = "%s.steps[%d]" % (p, i)
        if not keys(f, sp, s, ["key", "name", "role", "unit", "hours", "next"],
                    ["forms", "outputs", "may_return", "requires_signature"]):
            ok = False
            continue
        k = s.get("key")
        if not isinstance(k, str) or not k:
            err(f, sp + ".key: a non-empty string")
            ok = False
            continue
        if k in hours:
            err(f, sp + ".key: duplicate %r" % k)
            ok = False
        is_str(f, sp + ".name", s.get("name"))
        if s.get("role") not in ROLES:
            err(f, sp + ".role: one of " + ", ".join(sorted(ROLES)))
        if s.get("unit") not in units:
            err(f, sp + ".unit: %r is not a unit" % s.get("unit"))
        elif (s.get("role"), s.get("unit")) not in holders:
            err(f, sp + ": demo: nobody in people.json is %s in %s" % (s.get("role"), s.get("unit")))
        h = s.get("hours")
        if not is_half(h):
            err(f, sp + ".hours: must be a positive number, a multiple of 0.5")
            h = 0
        hours[k] = h
        if "forms" in s:
            str_list(f, sp + ".forms", s["forms"])
        if "outputs" in s:
            str_list(f, sp + ".outputs", s["outputs"])
        for b in ("may_return", "requires_signature"):
            if b in s:
                is_bool(f, sp + "." + b, s[b])
        nxt[k] = str_list(f, sp + ".next", s.get("next"))
        if len(set(nxt[k])) != len(nxt[k]):
            err(f, sp + ".next: duplicate key")
    if not ok:
        return None
    for k, ns in nxt.items():
        for n in ns:
            if n not in hours:
                err(f, "%s: step %s: next %r is not a step" % (p, k, n))
                return None
            if n == k:
                err(f, "%s: step %s names itself in next" % (p, k))
                return None
    starts = [k for k in hours if not any(k in nxt[o] for o in nxt)]
    if len(starts) != 1:
        err(f, "%s: the graph must have one start, found %d (%s)" % (p, len(starts), ", ".join(starts)))
        return None
    # cycles (returns are not edges, so any cycle is an error)
    state = {}

    def dfs(k, stack):
        state[k] = 1
        for n in nxt[k]:
            if state.get(n) == 1:
                err(f, "%s: cycle %s" % (p, " → ".join(stack + [k, n])))
                return False
            if n not in state and not dfs(n, stack + [k]):
                return False
        state[k] = 2
        return True
    if not dfs(starts[0], []):
        return None
    unreach = [k for k in hours if k not in state]
    if unreach:
        err(f, "%s: steps not reachable from %s: %s" % (p, starts[0], ", ".join(unreach)))
        return None
    if not any(not ns for ns in nxt.values()):
        err(f, "%s: no last step (\"next\": [])" % p)
    total, path = longest_path(hours, nxt)
    if limit_hours is not None and total > limit_hours:
        err(f, "%s: the longest path %s takes %g working hours, more than the legal limit of %s (%g working hours)"
            % (p, " → ".join(path), total, limit_text, limit_hours))
    # demo rules on the shape
    if kind == "internal" and not 3 <= len(steps) <= 6:
        err(f, p + ".steps: demo: an internal work item has 3-6 steps")
    if kind == "tthc":
        if not any(opt(s, "requires_signature") for s in steps):
            err(f, p + ": demo: no step requires a (leader's) signature")
        first = [s for s in steps if s.get("key") == starts[0]][0]
        lasts = [s for s in steps if not s.get("next")]
        if first.get("role") != "reception" or any(s.get("role") != "reception" for s in lasts):
            err(f, p + ": demo: a TTHC process starts and ends at the reception desk")
    return pr.get("code"), pr.get("issue"), total


RECUR_FIELDS = {"week": ["weekday"], "month": ["day"], "quarter": ["month", "day"], "year": ["month", "day"]}


def check_recurrence(f, r, kind):
    """docs/IMPORT.md "recurrence": internal items only, the fields of its period."""
    p = "$.recurrence"
    if kind != "internal":
        err(f, p + ": only an internal work item recurs")
    if not isinstance(r, dict) or r.get("every") not in RECUR_FIELDS:
        err(f, p + ".every: week, month, quarter or year")
        return
    need = RECUR_FIELDS[r["every"]]
    if not keys(f, p, r, ["every"] + need, ["lead_working_days"]):
        return
    top = {"weekday": 7, "day": 31, "month": 3 if r["every"] == "quarter" else 12}
    for k in need:
        v = r[k]
        if not isinstance(v, int) or isinstance(v, bool) or not 1 <= v <= top[k]:
            err(f, "%s.%s: a whole number from 1 to %d" % (p, k, top[k]))
    lead = r.get("lead_working_days", 0)
    if not isinstance(lead, int) or isinstance(lead, bool) or not 0 <= lead <= 60:
        err(f, p + ".lead_working_days: a whole number from 0 to 60")


def check_procedures(d, units, people, doms, catalog):
    pdir = os.path.join(d, "procedures")
    if not os.path.isdir(pdir):
        err("procedures/", "missing")
        return
    holders = {(opt(r, "role"), opt(r, "unit")) for x in people.values() for r in x.get("roles", [])}
    codes, proc_codes, n_tthc = {}, {}, 0
    internal_per_unit = {u: 0 for u in units}
    for fn in sorted(os.listdir(pdir)):
        f = "procedures/" + fn
        if not fn.endswith(".json"):
            err(f, "not a .json file")
            continue
        pr = load(d, f)
        if pr is None:
            continue
        kind = opt(pr, "kind")
        req = ["code", "kind", "name", "unit", "cases"]
        if kind == "tthc":
            req += ["domain", "level"]
        optional = ["domain", "level", "agency", "applicants", "result", "fee", "legal_basis", "online_level",
                    "announcing_decision", "source", "recurrence"]
        if not keys(f, "$", pr, req, optional):
            continue
        code = pr.get("code")
        if not is_str(f, "$.code", code):
            continue
        if fn != code + ".json":
            err(f, "$.code: the file must be named %s.json" % code)
        if code in codes:
            err(f, "$.code: duplicate of %s" % codes[code])
        codes[code] = f
        if kind not in KINDS:
            err(f, "$.kind: tthc or internal")
        is_str(f, "$.name", pr.get("name"))
        if "domain" in pr and pr["domain"] not in doms:
            err(f, "$.domain: %r is not in domains.json" % pr["domain"])
        if "level" in pr and pr["level"] not in LEVELS:
            err(f, "$.level: one of " + ", ".join(sorted(LEVELS)))
        unit = pr.get("unit")
        if unit not in units:
            err(f, "$.unit: %r is not a unit" % unit)
        for k in ("agency", "applicants", "result", "fee", "announcing_decision", "source"):
            if k in pr:
                is_str(f, "$." + k, pr[k])
        if "legal_basis" in pr:
            str_list(f, "$.legal_basis", pr["legal_basis"])
        if "online_level" in pr and pr["online_level"] is not None and pr["online_level"] not in ONLINE:
            err(f, "$.online_level: toan_trinh, mot_phan or null")
        if "recurrence" in pr:
            check_recurrence(f, pr["recurrence"], kind)
        if kind == "internal":
            m = re.match(r"^NB-([A-Z0-9_-]+)-(\d{2})$", code)
            if not m:
                err(f, "$.code: an internal work item is coded NB-<unit>-NN")
            elif m.group(1) != unit:
                err(f, "$.code: NB-%s-.. belongs to unit %s, not %s" % (m.group(1), m.group(1), unit))
            elif unit in internal_per_unit:
                internal_per_unit[unit] += 1
        elif kind == "tthc":
            n_tthc += 1
            if code.startswith("NB-"):
                err(f, "$.code: NB- codes are for internal work items")
        cases = pr.get("cases")
        if not isinstance(cases, list) or not cases:
            err(f, "$.cases: a non-empty list")
            continue
        ccodes = set()
        for i, c in enumerate(cases):
            cp = "$.cases[%d]" % i
            if not keys(f, cp, c, ["code", "name", "time_limit"], ["components", "process"]):
                continue
            if c.get("code") in ccodes:
                err(f, cp + ".code: duplicate")
            ccodes.add(c.get("code"))
            is_str(f, cp + ".code", c.get("code"))
            is_str(f, cp + ".name", c.get("name"))
            tl = c.get("time_limit")
            limit_h, limit_text = None, None
            if keys(f, cp + ".time_limit", tl, ["amount", "unit"]):
                a, tu = tl.get("amount"), tl.get("unit")
                if not is_half(a):
                    err(f, cp + ".time_limit.amount: > 0, a multiple of 0.5")
                elif tu not in TIME_UNITS:
                    err(f, cp + ".time_limit.unit: working_days or working_hours")
                else:
                    limit_h = a * 8 if tu == "working_days" else a
                    limit_text = "%g %s" % (a, "working days" if tu == "working_days" else "working hours")
            for j, comp in enumerate(c.get("components", []) if isinstance(c.get("components", []), list) else []):
                kp = "%s.components[%d]" % (cp, j)
                if not keys(f, kp, comp, ["name"], ["original", "certified_copy", "copy", "form", "required"]):
                    continue
                is_str(f, kp + ".name", comp.get("name"))
                for n in ("original", "certified_copy", "copy"):
                    if n in comp and (not isinstance(comp[n], int) or isinstance(comp[n], bool) or comp[n] < 0):
                        err(f, "%s.%s: an integer >= 0" % (kp, n))
                if "form" in comp:
                    is_str(f, kp + ".form", comp["form"])
                if "required" in comp:
                    is_bool(f, kp + ".required", comp["required"])
            if not isinstance(c.get("components", []), list):
                err(f, cp + ".components: a list")
            if "process" in c:
                r = check_process(f, cp + ".process", c["process"], limit_h, limit_text, units, people, holders, kind)
                if r:
                    pc = (r[0], r[1])
                    if pc in proc_codes:
                        err(f, cp + ".process: code %s issue %s already used in %s" % (r[0], r[1], proc_codes[pc]))
                    proc_codes[pc] = f
                    if kind == "tthc" and limit_h and r[2] == limit_h and code not in SOURCED_PROCESS:
                        err(f, cp + ".process: demo: a designed process should cut the legal limit (R2)")
            else:
                err(f, cp + ": demo: every case has a process")
        if kind == "tthc" and catalog is not None:
            check_against_catalog(f, pr, doms, catalog)
    if n_tthc < MIN_TTHC:
        err("procedures/", "demo: at least %d TTHC, found %d" % (MIN_TTHC, n_tthc))
    for u, n in sorted(internal_per_unit.items()):
        if n < MIN_INTERNAL_PER_UNIT:
            err("procedures/", "demo: unit %s has %d internal work items, at least %d expected"
                % (u, n, MIN_INTERNAL_PER_UNIT))


# TTHC whose process copies a published internal process step for step
# (may use the whole legal limit)
SOURCED_PROCESS = set()


def catalog_index(path):
    cat = json.load(open(path, encoding="utf-8"))
    idx = {}
    for p in cat["procedures"]:
        for k in (p.get("national_code"), p.get("portal_code"), p.get("id")):
            if k:
                idx.setdefault(k, p)
    for ip in cat.get("internal_processes", []):
        for p in cat["procedures"]:
            if p.get("source") == ip.get("source") and p.get("time_limit_working_days"):
                for k in (p.get("national_code"), p.get("portal_code"), p.get("id")):
                    if k:
                        SOURCED_PROCESS.add(k)
    return idx


def check_against_catalog(f, pr, doms, idx):
    code = pr["code"]
    c = idx.get(code)
    if c is None:
        err(f, "$.code: %s is not in the sourced catalog" % code)
        return
    # the code must be the catalog's best published code for that record
    best = c.get("national_code") or (c.get("portal_code") if re.match(r"^[TB]-[A-Z]+-", c.get("portal_code") or "") else None) or c["id"]
    if code != best:
        err(f, "$.code: the catalog record %s is to be imported as %s" % (c["id"], best))
    if c.get("time_limit_working_days") is None:
        err(f, "$: catalog record %s has no time limit in working days: not to be used" % c["id"])
    want = {
        "name": c.get("name"),
        "level": CAT_LEVEL.get(c.get("level")),
        "result": c.get("result"),
        "fee": c.get("fee_text"),
        "legal_basis": c.get("legal_basis") or None,
        "online_level": CAT_ONLINE.get(c.get("online_level")) if c.get("online_level") else None,
        "source": c.get("source"),
    }
    for k, v in want.items():
        if pr.get(k) != v:
            err(f, "$.%s: %r differs from the catalog (%r)" % (k, pr.get(k), v))
    dom = doms.get(pr.get("domain"), {}).get("name")
    if dom != c.get("domain"):
        err(f, "$.domain: %r differs from the catalog (%r)" % (dom, c.get("domain")))
    for i, case in enumerate(pr.get("cases", [])):
        tl = opt(case, "time_limit", {})
        if opt(tl, "unit") != "working_days" or opt(tl, "amount") != c.get("time_limit_working_days"):
            err(f, "$.cases[%d].time_limit: %r differs from the catalog (%s working days)"
                % (i, tl, c.get("time_limit_working_days")))
        names = [opt(x, "name") for x in opt(case, "components", [])]
        if names != c.get("dossier_components", []):
            err(f, "$.cases[%d].components: names differ from the catalog" % i)


def check_catalog_domains(doms, catalog_path):
    cat = json.load(open(catalog_path, encoding="utf-8"))
    names = {d["name"] for d in cat.get("domains", [])}
    for c, d in doms.items():
        if d.get("name") not in names:
            err("domains.json", "domain %s: %r is not a domain of the catalog" % (c, d.get("name")))


def main(argv):
    demo = os.path.join(ROOT, "demo")
    catalog = os.path.join(ROOT, "..", "shared", "data", "sonoivu-catalog.json")
    args = list(argv)
    if args[:1] == ["--demo"] and len(args) >= 2:
        demo = args[1]
        args = args[2:]
    if args[:1] in (["-h"], ["--help"]) or len(args) > 1:
        print(__doc__.strip())
        return 2
    if args:
        catalog = args[0]
    if not os.path.exists(catalog):
        print("check-demo: catalog not found: %s (pass its path as the argument)" % catalog, file=sys.stderr)
        return 2
    idx = catalog_index(catalog)
    check_agency(demo)
    units = check_units(demo)
    people = check_people(demo, units)
    doms = check_domains(demo)
    check_catalog_domains(doms, catalog)
    check_procedures(demo, units, people, doms, idx)
    if errors:
        for e in errors:
            print(e)
        print("check-demo: %d error(s)" % len(errors), file=sys.stderr)
        return 1
    n = len(os.listdir(os.path.join(demo, "procedures")))
    print("check-demo: %s OK (%d units, %d people, %d domains, %d procedure files)"
          % (os.path.relpath(demo), len(units), len(people), len(doms), n))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
