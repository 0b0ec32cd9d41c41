"""From transactions to lifetimes' per-customer summaries, without pandas.

A port of lifetimes/utils.py: `_find_first_transactions`, `summary_data_from_transaction_data`
and `calibration_and_holdout_data` (default arguments: include_first_transaction=False).
pandas' periods are written out: freq "D" is the calendar day, freq "W" is pandas'
"W-SUN" week (Monday to Sunday, stamped with its Monday), and np.timedelta64(1, freq) is
one day or seven days.
"""

from datetime import datetime, timedelta

PERIOD_DAYS = {"D": 1, "W": 7}


def period_start(moment: datetime, freq: str) -> datetime:
    """`pd.Timestamp.to_period(freq).to_timestamp()`: midnight of the day, or of the week's Monday."""
    day = datetime(moment.year, moment.month, moment.day)
    if freq == "D":
        return day
    if freq == "W":
        return day - timedelta(days=day.weekday())
    raise ValueError(f"freq {freq!r} is not ported (only 'D' and 'W')")


def periods_between(start: datetime, end: datetime, freq: str) -> float:
    """`(end - start) / np.timedelta64(1, freq)` for two period starts."""
    return (end - start).total_seconds() / (86_400 * PERIOD_DAYS[freq])


def find_first_transactions(transactions, observation_period_end: datetime, freq: str):
    """lifetimes/utils.py `_find_first_transactions` with a monetary column.

    Transactions are (customer_id, datetime, value). Returns each customer's periods up
    to the observation end in time order, as (period start, summed value); the first is
    the one lifetimes marks `first`.
    """
    periods: dict[str, dict[datetime, float]] = {}
    for customer, moment, value in sorted(transactions, key=lambda t: (t[0], t[1], t[2])):
        start = period_start(moment, freq)
        if start <= observation_period_end:
            customer_periods = periods.setdefault(customer, {})
            customer_periods[start] = customer_periods.get(start, 0.0) + value
    return {customer: sorted(by_start.items()) for customer, by_start in periods.items()}


def summary_data_from_transaction_data(transactions, observation_period_end=None, freq="D", freq_multiplier=1):
    """lifetimes/utils.py `summary_data_from_transaction_data` with a monetary column.

    Returns {customer_id: {frequency, recency, T, monetary_value}}: frequency counts the
    periods after the first, monetary_value is the mean of their summed values (0 without
    repeat periods), recency and T are in periods divided by freq_multiplier.
    """
    if observation_period_end is None:
        observation_period_end = max(moment for _, moment, _ in transactions)
    end = period_start(observation_period_end, freq)
    summaries = {}
    for customer, periods in find_first_transactions(transactions, end, freq).items():
        first, last = periods[0][0], periods[-1][0]
        repeat_values = [value for _, value in periods[1:]]
        summaries[customer] = {
            "frequency": float(len(periods) - 1),
            "recency": periods_between(first, last, freq) / freq_multiplier,
            "T": periods_between(first, end, freq) / freq_multiplier,
            "monetary_value": sum(repeat_values) / len(repeat_values) if repeat_values else 0.0,
        }
    return summaries


def calibration_and_holdout_data(transactions, calibration_period_end: datetime, observation_period_end: datetime,
                                 freq="D", freq_multiplier=1):
    """lifetimes/utils.py `calibration_and_holdout_data` with a monetary column.

    lifetimes compares the raw transaction times with the two ends (datetimes, so a date
    alone means its midnight). The holdout counts the distinct periods with purchases in
    (calibration end, observation end]; monetary_value_holdout is the mean of the raw
    transactions there (not of period sums); duration_holdout is the number of periods
    between the two ends, divided by freq_multiplier.
    """
    calibration = [t for t in transactions if t[1] <= calibration_period_end]
    summaries = summary_data_from_transaction_data(calibration, calibration_period_end, freq, freq_multiplier)
    holdout_periods: dict[str, set] = {}
    holdout_values: dict[str, list] = {}
    for customer, moment, value in transactions:
        if calibration_period_end < moment <= observation_period_end:
            holdout_periods.setdefault(customer, set()).add(period_start(moment, freq))
            holdout_values.setdefault(customer, []).append(value)
    duration = periods_between(period_start(calibration_period_end, freq), period_start(observation_period_end, freq), freq)
    combined = {}
    for customer, summary in summaries.items():
        values = holdout_values.get(customer, [])
        combined[customer] = {
            **{f"{key}_cal": value for key, value in summary.items()},
            "frequency_holdout": float(len(holdout_periods.get(customer, ()))),
            "monetary_value_holdout": sum(values) / len(values) if values else 0.0,
            "duration_holdout": duration / freq_multiplier,
        }
    return combined
