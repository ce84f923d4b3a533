-- Isso's schema (isso/db/threads.py and comments.py) with a few threads and comments.
CREATE TABLE threads (id INTEGER PRIMARY KEY, uri VARCHAR(256) UNIQUE, title VARCHAR(256));
CREATE TABLE comments (
    tid REFERENCES threads(id), id INTEGER PRIMARY KEY, parent INTEGER,
    created FLOAT NOT NULL, modified FLOAT, mode INTEGER, remote_addr VARCHAR,
    text VARCHAR, author VARCHAR, email VARCHAR, website VARCHAR,
    likes INTEGER DEFAULT 0, dislikes INTEGER DEFAULT 0, voters BLOB NOT NULL,
    notification INTEGER DEFAULT 0);
INSERT INTO threads VALUES (1, '/2024/lachin-corridor/', 'The corridor');
INSERT INTO threads VALUES (2, '/blog/ünïcode/', NULL);
-- 1709193600.5 = 2024-02-29 08:00:00.5 UTC (a leap day, half a second)
INSERT INTO comments VALUES (1, 1, NULL, 1709193600.5, NULL, 1, '192.0.2.0', 'First, in *Markdown*.', 'Zoë', 'zoe@example.org', NULL, 0, 0, X'', 0);
INSERT INTO comments VALUES (1, 2, 1, 1709197200.0, NULL, 1, '192.0.2.0', 'Ответ по-русски.', 'Иван', NULL, NULL, 0, 0, X'', 0);
INSERT INTO comments VALUES (1, 3, 2, 1709200800.0, NULL, 2, '2001:db8::', 'Waiting in Isso''s queue.', NULL, 'anon@example.org', NULL, 0, 0, X'', 0);
INSERT INTO comments VALUES (2, 4, NULL, 0, NULL, 4, NULL, '', NULL, NULL, NULL, 0, 0, X'', 0);
INSERT INTO comments VALUES (2, 5, 4, 1709290000, NULL, 1, '198.51.100.0', 'A reply under a deleted comment 🙂', 'Ayşe', 'ayse@example.tr', NULL, 0, 0, X'', 0);
