"""Polls a committee trusts: the secret ballot's per-poll key (destroyed at close), the
hidden tally, the one nudge, the committee's quorum, and a decision recorded without quorum.

Revision ID: 0012_polls
Revises: 0011_raci
"""

from typing import Sequence, Union

import sqlalchemy as sa
import sqlmodel
from alembic import op

import rituals.models

revision: str = "0012_polls"
down_revision: Union[str, Sequence[str], None] = "0011_raci"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table("arbitration", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("hidden", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(
            sa.Column("ballot_secret", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True)
        )
        batch_op.add_column(sa.Column("quorum", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("nudged_at", rituals.models.UTCDateTime(), nullable=True))
    with op.batch_alter_table("decision", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("no_quorum", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("decision", schema=None) as batch_op:
        batch_op.drop_column("no_quorum")
    with op.batch_alter_table("arbitration", schema=None) as batch_op:
        batch_op.drop_column("nudged_at")
        batch_op.drop_column("quorum")
        batch_op.drop_column("ballot_secret")
        batch_op.drop_column("hidden")
