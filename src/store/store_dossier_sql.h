/* SQL fragments of the dossier read models (store_dossier_json.c,
 * store_dossier_view.c): each builds one JSON value of dossier `d`.
 * Internal to the store layer. */
#ifndef MC_STORE_DOSSIER_SQL_H
#define MC_STORE_DOSSIER_SQL_H

// clang-format off

/* minutes since the epoch → "YYYY-MM-DDTHH:MM:00+07:00" (NULL stays NULL) */
#define T(x) "strftime('%Y-%m-%dT%H:%M:00+07:00', (" x ") * 60 + 25200, 'unixepoch')"

/* kind: "person", or "system" for the actor of the recurrence sweep (0016),
 * which the interface names in the reader's language. */
#define PERSON(id)                                                                       \
    "(SELECT json_object('id', p.id, 'username', p.username, 'full_name', p.full_name," \
    " 'kind', p.kind) FROM people p WHERE p.id = " id ")"
#define UNIT(id)                                                                      \
    "(SELECT json_object('id', u.id, 'code', u.code, 'name', u.name) FROM units u" \
    " WHERE u.id = " id ")"
#define STEP(ver, key)                                                                   \
    "(SELECT json_object('key', s.key, 'name', s.name, 'role', s.role, 'unit', s.unit," \
    " 'hours', s.halves / 2.0) FROM steps s WHERE s.version_id = " ver " AND s.key = " key ")"
/* The open parallel branches of dossier d (migration 0007), in order. */
#define BRANCHES                                                                          \
    "(SELECT coalesce(json_group_array(json_object('step', " STEP("d.version_id", "b.step") "," \
    " 'unit', " UNIT("b.unit") ", 'holder', " PERSON("b.holder") ","                        \
    " 'done', json(CASE WHEN b.done THEN 'true' ELSE 'false' END),"                       \
    " 'clock', json_object('state', b.clock_state, 'budget', b.budget,"                   \
    " 'consumed', b.consumed, 'running_since', b.running_since, 'fired', 0))), '[]')"      \
    " FROM (SELECT * FROM dossier_branches WHERE dossier = d.id ORDER BY ord) b)"
/* An exclusive choice at dossier d's current step: the steps the holder may
 * forward to (one is named as the action's target), in the order of the
 * step's `next` (j.key is the array index; without the ORDER BY the join
 * could return them in the order of the steps table); [] otherwise. A step of
 * a parallel option (migration 0018) carries the option's keys in
 * `parallel`: forwarding to it starts them all. */
#define NEXT_STEPS                                                                       \
    "(SELECT coalesce(json_group_array(json_object('key', x.key, 'name', x.name,"        \
    " 'parallel', json(x.parallel))), '[]') FROM"                                        \
    " (SELECT n.key AS key, n.name AS name, (SELECT o.value FROM"                        \
    "   json_each(s.parallel_options) o WHERE EXISTS (SELECT 1 FROM json_each(o.value) m" \
    "   WHERE m.value = j.value)) AS parallel"                                            \
    " FROM steps s, json_each(s.next) j"                                                 \
    " JOIN steps n ON n.version_id = s.version_id AND n.key = j.value"                   \
    " WHERE s.version_id = d.version_id AND s.key = d.step AND s.split = 'exclusive'"    \
    " AND json_array_length(s.next) > 1 ORDER BY j.key) x)"
#define CLOCK(kind)                                                                      \
    "(SELECT json_object('state', c.state, 'budget', c.budget, 'consumed', c.consumed," \
    " 'running_since', c.running_since, 'fired', c.fired) FROM clocks c"               \
    " WHERE c.dossier = d.id AND c.kind = '" kind "')"

// clang-format on

#endif
