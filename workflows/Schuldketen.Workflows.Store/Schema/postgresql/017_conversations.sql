-- The conversation of a trajectory between the resident and the organisations that handle the case. The text and file
-- names are sealed with the hub's subject key; attachment content lives behind the attachment store port (in the
-- embedded default the table attachment_contents), sealed before it gets there.
CREATE TABLE messages (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    trajectory_id       TEXT    NOT NULL,
    author_organisation TEXT    NULL,
    author_role         TEXT    NULL,
    author_person       TEXT    NULL,
    author_name         TEXT    NULL,
    body                TEXT    NOT NULL,
    written_at          BIGINT  NOT NULL
);
CREATE INDEX ix_messages_trajectory ON messages (trajectory_id, id);

CREATE TABLE attachments (
    id            TEXT    NOT NULL PRIMARY KEY,
    message_id    BIGINT  NOT NULL,
    trajectory_id TEXT    NOT NULL,
    file_name     TEXT    NOT NULL,
    content_type  TEXT    NOT NULL,
    size          BIGINT  NOT NULL,
    handed_in_at  BIGINT  NOT NULL
);
CREATE INDEX ix_attachments_trajectory ON attachments (trajectory_id);

CREATE TABLE attachment_contents (
    attachment_id TEXT NOT NULL PRIMARY KEY,
    content       BYTEA NOT NULL
);

-- Up to which message an organisation has read a conversation: the workplace marks what is new.
CREATE TABLE conversation_reads (
    trajectory_id TEXT    NOT NULL,
    organisation  TEXT    NOT NULL,
    read_up_to    BIGINT  NOT NULL,
    PRIMARY KEY (trajectory_id, organisation)
);
