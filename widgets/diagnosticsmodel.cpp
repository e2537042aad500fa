#include "diagnosticsmodel.h"

#include <QApplication>
#include <QStyle>

namespace trainyard {

void DiagnosticsModel::setDiagnostics(const Diagnostics &diagnostics) {
    beginResetModel();
    m_diagnostics = diagnostics;
    endResetModel();
}

int DiagnosticsModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_diagnostics.size());
}

int DiagnosticsModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DiagnosticsModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Diagnostic &d = m_diagnostics.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case SeverityColumn:
            return d.isError() ? tr("error") : tr("warning");
        case LineColumn:
            return d.pos.isValid() ? QVariant(d.pos.line) : QVariant();
        case ColumnColumn:
            return d.pos.isValid() ? QVariant(d.pos.column) : QVariant();
        case FieldColumn:
            return d.field;
        case MessageColumn:
            return d.message;
        default:
            return {};
        }
    }
    if (role == Qt::DecorationRole && index.column() == SeverityColumn && qApp)
        return qApp->style()->standardIcon(d.isError() ? QStyle::SP_MessageBoxCritical
                                                       : QStyle::SP_MessageBoxWarning);
    if (role == Qt::ToolTipRole)
        return d.format();
    return {};
}

QVariant DiagnosticsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case LineColumn:
        return tr("Line");
    case ColumnColumn:
        return tr("Column");
    case FieldColumn:
        return tr("Field");
    case MessageColumn:
        return tr("Message");
    default:
        return {};
    }
}

} // namespace trainyard
