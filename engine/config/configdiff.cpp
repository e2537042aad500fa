#include "config/configdiff.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace trainyard {

namespace {

QString show(const Value &v) {
    if (v.isList()) {
        QStringList items;
        for (const Value &item : v.items())
            items << show(item);
        return u"["_s + items.join(u", "_s) + u"]"_s;
    }
    if (v.isMap()) {
        QStringList items;
        for (const MapEntry &e : v.entries())
            items << e.key + u": "_s + show(e.value);
        return u"{"_s + items.join(u", "_s) + u"}"_s;
    }
    return v.pythonStr();
}

void flatten(const Value &map, const QString &prefix, QMap<QString, QString> &out) {
    for (const MapEntry &e : map.entries()) {
        const QString key = prefix.isEmpty() ? e.key : prefix + u'.' + e.key;
        if (e.value.isMap() && !e.value.entries().empty())
            flatten(e.value, key, out);
        else
            out.insert(key, show(e.value));
    }
}

} // namespace

QMap<QString, QString> flattenSettings(const Value &map) {
    QMap<QString, QString> out;
    if (map.isMap())
        flatten(map, {}, out);
    return out;
}

QMap<QString, QString> flattenSettings(const AccelerateConfig &config) {
    return flattenSettings(config.processed());
}

QList<SettingDifference> diffSettings(const QList<QMap<QString, QString>> &sides) {
    QSet<QString> keySet;
    for (const auto &side : sides)
        for (auto it = side.cbegin(); it != side.cend(); ++it)
            keySet.insert(it.key());
    QStringList keys(keySet.cbegin(), keySet.cend());
    keys.sort();
    QList<SettingDifference> out;
    for (const QString &key : keys) {
        SettingDifference d;
        d.key = key;
        bool same = true;
        for (const auto &side : sides) {
            const auto it = side.constFind(key);
            d.present << (it != side.cend());
            d.values << (it != side.cend() ? *it : QString());
            if (d.present.last() != d.present.first() || d.values.last() != d.values.first())
                same = false;
        }
        if (!same)
            out << d;
    }
    return out;
}

} // namespace trainyard
