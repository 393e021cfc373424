-- Parallel options (issue 4 item 8, "choose, then run in parallel" as the
-- bpmn.io modeler draws it: an exclusive gateway straight into a parallel
-- gateway). An exclusive step's option may be a group of next steps that
-- start together, each a branch (core/process.h struct
-- core_parallel_option): a JSON array of arrays of step keys, each group a
-- run of the step's `next` in the same order. Every row written before
-- this migration has none: '[]' reads back as no option, unchanged.
ALTER TABLE steps ADD COLUMN parallel_options TEXT NOT NULL DEFAULT '[]'
    CHECK (json_type(parallel_options) = 'array');
