"""The registry of ingested documents: per file the store it went into, its name, sha256, pieces, size, who, how, when, removed.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ingested_documents",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("store_location", sa.String(500), nullable=False),
        sa.Column("source_name", sa.String(255), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("n_chunks", sa.Integer, nullable=False),
        sa.Column("size_bytes", sa.BigInteger, nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ingested_by", sa.String(200), nullable=False),
        sa.Column("auth_method", sa.String(20), nullable=False),
        sa.Column("removed_at", sa.DateTime(timezone=True)),
    )
    op.create_index("ix_ingested_documents_store_source", "ingested_documents", ["store_location", "source_name"])


def downgrade() -> None:
    op.drop_index("ix_ingested_documents_store_source", "ingested_documents")
    op.drop_table("ingested_documents")
