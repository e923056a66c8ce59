<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>InventoryScreen</name>
    <message numerus="yes">
        <location filename="../../orderapp/gui/inventory_screen.py" line="305"/>
        <source>%n products</source>
        <translation>
            <numerusform>%n product</numerusform>
            <numerusform>%n products</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrdersScreen</name>
    <message numerus="yes">
        <location filename="../../orderapp/gui/orders_screen.py" line="442"/>
        <source>%n orders.</source>
        <translation>
            <numerusform>%n order.</numerusform>
            <numerusform>%n orders.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../orderapp/gui/orders_screen.py" line="444"/>
        <source>%n orders shown; more load as you scroll.</source>
        <translation>
            <numerusform>%n order shown; more load as you scroll.</numerusform>
            <numerusform>%n orders shown; more load as you scroll.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReceiveDialog</name>
    <message numerus="yes">
        <location filename="../../orderapp/gui/stock_dialogs.py" line="249"/>
        <source>%n products</source>
        <translation>
            <numerusform>%n product</numerusform>
            <numerusform>%n products</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../orderapp/gui/stock_dialogs.py" line="251"/>
        <source>%n units</source>
        <translation>
            <numerusform>%n unit</numerusform>
            <numerusform>%n units</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReorderList</name>
    <message numerus="yes">
        <location filename="../../orderapp/gui/stock_reorder.py" line="94"/>
        <source>%n products to reorder.</source>
        <translation>
            <numerusform>%n product to reorder.</numerusform>
            <numerusform>%n products to reorder.</numerusform>
        </translation>
    </message>
</context>
</TS>
