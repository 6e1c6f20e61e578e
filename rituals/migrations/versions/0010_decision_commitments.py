"""Decisions as commitments: a review date, what a decision supersedes, what blocks it, the
committee's review; escalations and arbitration requests may be about a decision.

Revision ID: 0010_decisions
Revises: 0009
"""

from typing import Sequence, Union

import sqlalchemy as sa
import sqlmodel
from alembic import op

import rituals.models

revision: str = "0010_decisions"
down_revision: Union[str, Sequence[str], None] = "0009"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table("decision", schema=None) as batch_op:
        batch_op.add_column(sa.Column("review_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("supersedes_id", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("blocked_reason", sqlmodel.sql.sqltypes.AutoString(), nullable=True)
        )
        batch_op.add_column(sa.Column("blocked_at", rituals.models.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column("reviewed_at", rituals.models.UTCDateTime(), nullable=True))
        batch_op.add_column(
            sa.Column("review_outcome", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=True)
        )
        batch_op.create_index(
            batch_op.f("ix_decision_supersedes_id"), ["supersedes_id"], unique=False
        )
        batch_op.create_foreign_key(
            "fk_decision_supersedes_id_decision", "decision", ["supersedes_id"], ["id"]
        )

    with op.batch_alter_table("escalation", schema=None) as batch_op:
        batch_op.add_column(sa.Column("decision_id", sa.Integer(), nullable=True))
        batch_op.alter_column("initiative_id", existing_type=sa.Integer(), nullable=True)
        batch_op.create_index(
            batch_op.f("ix_escalation_decision_id"), ["decision_id"], unique=False
        )
        batch_op.create_index(
            "uq_escalation_decision_open",
            ["decision_id", "cause"],
            unique=True,
            sqlite_where=sa.text("resolved_at IS NULL"),
            postgresql_where=sa.text("resolved_at IS NULL"),
        )
        batch_op.create_foreign_key(
            "fk_escalation_decision_id_decision", "decision", ["decision_id"], ["id"]
        )

    with op.batch_alter_table("arbitration_request", schema=None) as batch_op:
        batch_op.add_column(sa.Column("decision_id", sa.Integer(), nullable=True))
        batch_op.alter_column("initiative_id", existing_type=sa.Integer(), nullable=True)
        batch_op.create_index(
            batch_op.f("ix_arbitration_request_decision_id"), ["decision_id"], unique=False
        )
        batch_op.create_foreign_key(
            "fk_arbitration_request_decision_id_decision", "decision", ["decision_id"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("arbitration_request", schema=None) as batch_op:
        batch_op.drop_constraint("fk_arbitration_request_decision_id_decision", type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_arbitration_request_decision_id"))
        batch_op.alter_column("initiative_id", existing_type=sa.Integer(), nullable=False)
        batch_op.drop_column("decision_id")

    with op.batch_alter_table("escalation", schema=None) as batch_op:
        batch_op.drop_constraint("fk_escalation_decision_id_decision", type_="foreignkey")
        batch_op.drop_index(
            "uq_escalation_decision_open",
            sqlite_where=sa.text("resolved_at IS NULL"),
            postgresql_where=sa.text("resolved_at IS NULL"),
        )
        batch_op.drop_index(batch_op.f("ix_escalation_decision_id"))
        batch_op.alter_column("initiative_id", existing_type=sa.Integer(), nullable=False)
        batch_op.drop_column("decision_id")

    with op.batch_alter_table("decision", schema=None) as batch_op:
        batch_op.drop_constraint("fk_decision_supersedes_id_decision", type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_decision_supersedes_id"))
        batch_op.drop_column("review_outcome")
        batch_op.drop_column("reviewed_at")
        batch_op.drop_column("blocked_at")
        batch_op.drop_column("blocked_reason")
        batch_op.drop_column("supersedes_id")
        batch_op.drop_column("review_on")
