#include "runfilter.h"

#include <QCoreApplication>
#include <QLocale>
#include <cmath>

using namespace Qt::StringLiterals;

namespace trainyard {

namespace {

struct FilterText {
    Q_DECLARE_TR_FUNCTIONS(trainyard::FilterText)
};

bool isQuote(QChar c) {
    return c == u'"' || c == u'\'';
}

std::optional<double> toNumber(const QString &text) {
    bool ok = false;
    const double v = QLocale::c().toDouble(text.trimmed(), &ok);
    if (ok)
        return v;
    const QString lower = text.trimmed().toLower(); // Python's bool and float spellings as params store them
    if (lower == u"true"_s)
        return 1.0;
    if (lower == u"false"_s)
        return 0.0;
    if (lower == u"nan"_s)
        return std::nan("");
    if (lower == u"inf"_s || lower == u"infinity"_s)
        return INFINITY;
    if (lower == u"-inf"_s || lower == u"-infinity"_s)
        return -INFINITY;
    return std::nullopt;
}

// One term of the query as typed: its text with quotes removed, where an operator was found outside them.
struct RawTerm {
    qsizetype start = 0, length = 0;
    QString key, op, value;
    bool valueQuoted = false;
};

} // namespace

bool RunFilter::parse(const QString &query, Error *error) {
    auto fail = [&](qsizetype start, qsizetype length, const QString &message) {
        if (error)
            *error = Error{start, std::max<qsizetype>(length, 1), message};
        return false;
    };
    // Split into terms: whitespace outside quotes ends one; the first operator outside quotes splits it.
    QList<RawTerm> raw;
    qsizetype i = 0;
    const qsizetype n = query.size();
    while (i < n) {
        while (i < n && query[i].isSpace())
            ++i;
        if (i >= n)
            break;
        RawTerm t;
        t.start = i;
        QString *part = &t.key;
        bool quotedPart = false;
        while (i < n && !query[i].isSpace()) {
            const QChar c = query[i];
            if (isQuote(c)) {
                const qsizetype close = query.indexOf(c, i + 1);
                if (close < 0)
                    return fail(i, n - i, FilterText::tr("the quote %1 is not closed").arg(c));
                *part += query.mid(i + 1, close - i - 1);
                quotedPart = true;
                i = close + 1;
                continue;
            }
            if (part == &t.key) {
                static const QStringList ops = {u"<="_s, u">="_s, u"!="_s, u"="_s,
                                                u"<"_s,  u">"_s,  u"~"_s,  u":"_s};
                bool isOp = false;
                for (const QString &op : ops) {
                    if (QStringView(query).mid(i).startsWith(op)) {
                        t.op = op;
                        i += op.size();
                        part = &t.value;
                        quotedPart = false;
                        isOp = true;
                        break;
                    }
                }
                if (isOp)
                    continue;
            }
            *part += c;
            ++i;
        }
        t.valueQuoted = part == &t.value && quotedPart;
        t.length = i - t.start;
        raw << t;
    }

    QList<Term> terms;
    for (const RawTerm &r : std::as_const(raw)) {
        Term t;
        if (r.op.isEmpty()) {
            t.op = Op::Text;
            t.value = r.key;
            terms << t;
            continue;
        }
        if (r.key.isEmpty())
            return fail(r.start, r.length,
                        FilterText::tr("'%1' needs a key before %2, e.g. epochs%2%3")
                            .arg(query.mid(r.start, r.length), r.op, r.value.isEmpty() ? u"30"_s : r.value));
        if (r.value.isEmpty() && !r.valueQuoted)
            return fail(r.start, r.length,
                        FilterText::tr("'%1' needs a value after %2 (write \"\" for an empty one)")
                            .arg(query.mid(r.start, r.length), r.op));
        static const QMap<QString, Op> opOf = {{u"="_s, Op::Equal},         {u":"_s, Op::Equal},
                                               {u"!="_s, Op::NotEqual},     {u"<"_s, Op::Less},
                                               {u"<="_s, Op::LessEqual},    {u">"_s, Op::Greater},
                                               {u">="_s, Op::GreaterEqual}, {u"~"_s, Op::Contains}};
        t.op = opOf.value(r.op);
        t.value = r.value;
        // The kind of key: the run's attributes by name, MLflow's prefixes, else a parameter, metric or tag.
        const QString lower = r.key.toLower();
        static const QMap<QString, Kind> attributes = {{u"status"_s, Kind::Status},
                                                       {u"name"_s, Kind::Name},
                                                       {u"id"_s, Kind::Id},
                                                       {u"run"_s, Kind::Id},
                                                       {u"host"_s, Kind::Host}};
        static const QList<std::pair<QString, Kind>> prefixes = {
            {u"params."_s, Kind::Param},   {u"param."_s, Kind::Param},    {u"config."_s, Kind::Param},
            {u"metrics."_s, Kind::Metric}, {u"metric."_s, Kind::Metric},  {u"tags."_s, Kind::Tag},
            {u"tag."_s, Kind::Tag},        {u"attributes."_s, Kind::Any}, {u"attribute."_s, Kind::Any}};
        t.key = r.key;
        for (const auto &[prefix, kind] : prefixes) {
            if (lower.startsWith(prefix) && lower.size() > prefix.size()) {
                t.key = r.key.mid(prefix.size());
                t.kind = kind;
                if (kind == Kind::Any) { // attributes.X names one of the run's own fields
                    if (!attributes.contains(t.key.toLower()))
                        return fail(
                            r.start, r.length,
                            FilterText::tr("a run has no attribute '%1'; it has status, name, id and host")
                                .arg(t.key));
                    t.kind = attributes.value(t.key.toLower());
                }
                break;
            }
        }
        if (t.kind == Kind::Any && attributes.contains(lower))
            t.kind = attributes.value(lower);
        const auto number = toNumber(t.value);
        t.numeric = number.has_value() && !r.valueQuoted;
        t.number = number.value_or(0);
        const bool ordered =
            t.op == Op::Less || t.op == Op::LessEqual || t.op == Op::Greater || t.op == Op::GreaterEqual;
        if (ordered && !number)
            return fail(r.start, r.length,
                        FilterText::tr("%1 compares numbers; '%2' is not a number").arg(r.op, t.value));
        if (t.kind == Kind::Status) {
            if (ordered || t.op == Op::Contains)
                return fail(r.start, r.length,
                            FilterText::tr("status takes = (or :) and !=, e.g. status:failed"));
            if (!runStatusFromName(t.value.toLower()))
                return fail(r.start, r.length,
                            FilterText::tr("no status '%1'; a run is %2")
                                .arg(t.value, runStatusNames().join(u", "_s)));
        }
        terms << t;
    }
    m_terms = terms;
    return true;
}

bool RunFilter::readsMetrics() const {
    for (const Term &t : m_terms)
        if (t.kind == Kind::Metric || (t.kind == Kind::Any && t.op != Op::Text))
            return true;
    return false;
}

bool RunFilter::compareNumber(const Term &t, double have) {
    switch (t.op) {
    case Op::Equal:
        return have == t.number;
    case Op::NotEqual:
        return have != t.number;
    case Op::Less:
        return have < t.number;
    case Op::LessEqual:
        return have <= t.number;
    case Op::Greater:
        return have > t.number;
    case Op::GreaterEqual:
        return have >= t.number;
    case Op::Contains:
    case Op::Text:
        break;
    }
    return false;
}

bool RunFilter::compare(const Term &t, const QString &have) {
    if (t.op == Op::Contains || t.op == Op::Text)
        return have.contains(t.value, Qt::CaseInsensitive);
    if (t.numeric || (t.op != Op::Equal && t.op != Op::NotEqual)) {
        const auto v = toNumber(have);
        if (v)
            return compareNumber(t, *v);
        if (t.op != Op::Equal && t.op != Op::NotEqual)
            return false; // not a number: never less or greater
    }
    const bool equal = have.compare(t.value, Qt::CaseInsensitive) == 0;
    return t.op == Op::Equal ? equal : !equal;
}

// A metric's value for a term: KEY is rank 0's last value (the lowest rank's where rank 0 has none);
// KEY.min / KEY.max its smallest and largest, KEY.last the last.
bool RunFilter::matchesMetric(const Term &t, const QList<SeriesRow> &series, const QString &key,
                              bool *found) {
    auto pick = [&](const QString &k) -> const SeriesRow * {
        const SeriesRow *best = nullptr;
        for (const SeriesRow &s : series)
            if (s.key == k && (!best || s.rank < best->rank))
                best = &s;
        return best;
    };
    const SeriesRow *s = pick(key);
    double value = 0;
    if (s) {
        value = s->lastValue;
    } else {
        const qsizetype dot = key.lastIndexOf(u'.');
        if (dot <= 0)
            return false;
        const QString what = key.mid(dot + 1).toLower();
        s = pick(key.left(dot));
        if (!s || (what != u"min"_s && what != u"max"_s && what != u"last"_s))
            return false;
        value = what == u"min"_s ? s->minValue : what == u"max"_s ? s->maxValue : s->lastValue;
    }
    *found = true;
    if (t.op == Op::Contains || t.op == Op::Text)
        return QString::number(value, 'g', QLocale::FloatingPointShortest).contains(t.value);
    if (!t.numeric && (t.op == Op::Equal || t.op == Op::NotEqual))
        return t.op == Op::NotEqual; // a quoted value is text, and a metric is a number
    return compareNumber(t, value);  // < > <= >= have a number (the parser made sure), quoted or not
}

bool RunFilter::matchesTerm(const Term &t, const RunFacts &f) const {
    const RunRow &r = f.run;
    switch (t.kind) {
    case Kind::Status: {
        const bool equal = runStatusName(r.status) == t.value.toLower();
        return t.op == Op::Equal ? equal : !equal;
    }
    case Kind::Name:
        return compare(t, r.name);
    case Kind::Id: // a number is the database id (runs show's db_id), anything else the run id
        return t.numeric && t.op != Op::Contains ? compareNumber(t, double(r.id)) : compare(t, r.uid);
    case Kind::Host:
        return compare(t, r.host);
    case Kind::Param:
        return f.params.contains(t.key) ? compare(t, f.params.value(t.key)) : t.op == Op::NotEqual;
    case Kind::Tag:
        return f.tags.contains(t.key) ? compare(t, f.tags.value(t.key)) : t.op == Op::NotEqual;
    case Kind::Metric: {
        bool found = false;
        const bool m = matchesMetric(t, f.series, t.key, &found);
        return found ? m : t.op == Op::NotEqual;
    }
    case Kind::Any:
        break;
    }
    if (t.op == Op::Text) {
        if (r.name.contains(t.value, Qt::CaseInsensitive) || r.uid.contains(t.value, Qt::CaseInsensitive) ||
            runStatusName(r.status).contains(t.value, Qt::CaseInsensitive) ||
            r.host.contains(t.value, Qt::CaseInsensitive))
            return true;
        for (const QMap<QString, QString> *map : {&f.params, &f.tags})
            for (auto it = map->cbegin(); it != map->cend(); ++it)
                if (it.key().contains(t.value, Qt::CaseInsensitive) ||
                    it.value().contains(t.value, Qt::CaseInsensitive))
                    return true;
        return false;
    }
    // A bare key: a parameter, else a metric, else a tag.
    if (f.params.contains(t.key))
        return compare(t, f.params.value(t.key));
    bool found = false;
    const bool m = matchesMetric(t, f.series, t.key, &found);
    if (found)
        return m;
    if (f.tags.contains(t.key))
        return compare(t, f.tags.value(t.key));
    return t.op == Op::NotEqual;
}

bool RunFilter::matches(const RunFacts &facts) const {
    for (const Term &t : m_terms)
        if (!matchesTerm(t, facts))
            return false;
    return true;
}

} // namespace trainyard
