"""Wiring only: the self-coaching graph's nodes, edges and routing decisions."""

from __future__ import annotations

from langgraph.graph import END, START, StateGraph

from assistant.graph.deps import Deps
from assistant.graph.nodes.compose import compose
from assistant.graph.nodes.confirm import confirm
from assistant.graph.nodes.intake import intake
from assistant.graph.nodes.plan import plan
from assistant.graph.nodes.retrieve import retrieve
from assistant.graph.nodes.save import save
from assistant.graph.nodes.understand import understand
from assistant.graph.state import CoachState


def after_plan(state: CoachState) -> str:
    return "save" if state["move"]["kind"] in ("save_goal", "set_check_in", "save_check_in", "forget") else "retrieve"


def after_understand(state: CoachState) -> str:
    return "confirm" if state["move"]["kind"] == "present_draft" else END


def build_graph(checkpointer=None):
    g = StateGraph(CoachState, context_schema=Deps)
    g.add_node("intake", intake)
    g.add_node("plan", plan)
    g.add_node("retrieve", retrieve)
    g.add_node("save", save)
    g.add_node("compose", compose)
    g.add_node("understand", understand)
    g.add_node("confirm", confirm)
    g.add_edge(START, "intake")
    g.add_edge("intake", "plan")
    g.add_conditional_edges("plan", after_plan, ["save", "retrieve"])
    g.add_edge("save", "retrieve")
    g.add_edge("retrieve", "compose")
    g.add_edge("compose", "understand")
    g.add_conditional_edges("understand", after_understand, ["confirm", END])
    g.add_edge("confirm", "retrieve")
    return g.compile(checkpointer=checkpointer)
