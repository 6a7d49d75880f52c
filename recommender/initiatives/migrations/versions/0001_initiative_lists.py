"""The decaan's own lists: lists, their records, a version row for cheap change checks, an event log.

Revision ID: 0001
Revises:
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "initiative_lists",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("source_file", sa.String(255)),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(200), nullable=False),
        sa.Column("auth_method", sa.String(20), nullable=False),
        sa.Column("n_records", sa.Integer, nullable=False),
        sa.Column("column_mapping", sa.JSON),
    )
    op.create_table(
        "initiative_records",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("list_id", sa.Integer, sa.ForeignKey("initiative_lists.id", ondelete="CASCADE"), nullable=False),
        sa.Column("record_id", sa.String(120), nullable=False),
        sa.Column("name_key", sa.String(200), nullable=False),
        sa.Column("start_date", sa.Date),
        sa.Column("end_date", sa.Date),
        sa.Column("yearly_month", sa.SmallInteger),
        sa.Column("row_number", sa.Integer),
        sa.Column("superseded_by", sa.Integer, sa.ForeignKey("initiative_lists.id", ondelete="SET NULL")),
        sa.Column("data", sa.JSON, nullable=False),
        sa.UniqueConstraint("record_id", name="uq_initiative_records_record_id"),
    )
    op.create_index("ix_initiative_records_list_id", "initiative_records", ["list_id"])
    op.create_index("ix_initiative_records_name_key", "initiative_records", ["name_key"])
    op.create_index("ix_initiative_records_superseded_by", "initiative_records", ["superseded_by"])
    state = op.create_table(
        "catalogue_state",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True)),
    )
    op.bulk_insert(state, [{"id": 1, "version": 0, "changed_at": None}])
    op.create_table(
        "catalogue_events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("who", sa.String(200), nullable=False),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("list_id", sa.Integer),
        sa.Column("list_name", sa.String(200)),
        sa.Column("n_records", sa.Integer),
    )


def downgrade() -> None:
    op.drop_table("catalogue_events")
    op.drop_table("catalogue_state")
    op.drop_index("ix_initiative_records_superseded_by", "initiative_records")
    op.drop_index("ix_initiative_records_name_key", "initiative_records")
    op.drop_index("ix_initiative_records_list_id", "initiative_records")
    op.drop_table("initiative_records")
    op.drop_table("initiative_lists")
