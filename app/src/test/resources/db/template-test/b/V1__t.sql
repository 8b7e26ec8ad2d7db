create table t (id bigint);
