"""A view's redraws while the Lab plays: a top rate, fewer when they are dear, all when paused."""

from act_gui.qt.widgets.redraw_budget import RedrawBudget


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def redraws_in_one_second(budget: RedrawBudget, clock: Clock, cost: float, frames: int = 60) -> int:
    count = 0
    for _ in range(frames):
        if budget.due():
            count += 1
            budget.spent(cost)
        clock.now += 1 / frames
    return count


def test_cheap_redraws_follow_the_top_rate():
    clock = Clock()
    budget = RedrawBudget(rate=30, share=1 / 3, clock=clock)
    assert 27 <= redraws_in_one_second(budget, clock, cost=0.002, frames=240) <= 31


def test_dear_redraws_keep_to_their_share_of_the_time():
    clock = Clock()
    budget = RedrawBudget(rate=30, share=1 / 3, clock=clock)
    redraws = redraws_in_one_second(budget, clock, cost=0.030, frames=120)
    assert 4 <= redraws <= 12  # 30 ms each in at most a third of the second: about ten
    assert redraws * 0.030 <= 1 / 3 + 0.030


def test_a_forced_redraw_is_always_due_and_starting_over_makes_the_next_one_due():
    clock = Clock()
    budget = RedrawBudget(rate=10, clock=clock)
    assert budget.due()
    assert not budget.due()
    assert budget.due(force=True)  # paused: what is shown is exact
    budget.start_over()
    assert budget.due()
