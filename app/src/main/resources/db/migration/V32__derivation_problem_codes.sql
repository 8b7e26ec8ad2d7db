-- A derivation problem is stored by its stable code and arguments (ProblemCode), so that it is
-- shown in the reader's language. The English text stays in 'reason' (logs, the command line, and
-- the only text of rows stored before: code and args are null there, and the text is shown as is).
alter table derivation_problem add column code text;
alter table derivation_problem add column args text[];
