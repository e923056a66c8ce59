<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CountReviewing</name>
    <message numerus="yes">
        <location filename="../../orderapp/gui/count_review.py" line="164"/>
        <source>%n line(s) to be counted again: they show as not counted on the Count tab until they are.</source>
        <translation>
            <numerusform>%n line is to be counted again: it shows as not counted on the Count tab until it is.</numerusform>
            <numerusform>%n lines are to be counted again: they show as not counted on the Count tab until they are.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../orderapp/gui/count_review.py" line="185"/>
        <source>The %n line(s) not counted are set to 0.</source>
        <translation>
            <numerusform>The %n line not counted is set to 0.</numerusform>
            <numerusform>The %n lines not counted are set to 0.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../orderapp/gui/count_review.py" line="187"/>
        <source>The %n line(s) not counted stay as they are.</source>
        <translation>
            <numerusform>The %n line not counted stays as it is.</numerusform>
            <numerusform>The %n lines not counted stay as they are.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CountsScreen</name>
    <message numerus="yes">
        <location filename="../../orderapp/gui/counts_screen.py" line="401"/>
        <source>{counted} of %n line(s) counted</source>
        <translation>
            <numerusform>{counted} of %n line counted</numerusform>
            <numerusform>{counted} of %n lines counted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../orderapp/gui/counts_screen.py" line="456"/>
        <source>%n line(s) shown{more}</source>
        <translation>
            <numerusform>%n line shown{more}</numerusform>
            <numerusform>%n lines shown{more}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InventoryScreen</name>
    <message numerus="yes">
        <location filename="../../orderapp/gui/inventory_screen.py" line="315"/>
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
        <location filename="../../orderapp/gui/orders_screen.py" line="444"/>
        <source>%n orders.</source>
        <translation>
            <numerusform>%n order.</numerusform>
            <numerusform>%n orders.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../orderapp/gui/orders_screen.py" line="446"/>
        <source>%n orders shown; more load as you scroll.</source>
        <translation>
            <numerusform>%n order shown; more load as you scroll.</numerusform>
            <numerusform>%n orders shown; more load as you scroll.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PackingAlert</name>
    <message numerus="yes">
        <location filename="../../orderapp/gui/packing_dialogs.py" line="109"/>
        <source>%n scan(s) made while this alert is up were not counted: scan them again afterwards.</source>
        <translation>
            <numerusform>%n scan made while this alert is up was not counted: scan it again afterwards.</numerusform>
            <numerusform>%n scans made while this alert is up were not counted: scan them again afterwards.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PackingQueueTable</name>
    <message numerus="yes">
        <location filename="../../orderapp/gui/packing_queue_table.py" line="69"/>
        <source>{scanned}/%n unit(s)</source>
        <translation>
            <numerusform>{scanned}/%n unit</numerusform>
            <numerusform>{scanned}/%n units</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../orderapp/gui/packing_queue_table.py" line="70"/>
        <source>%n unit(s)</source>
        <translation>
            <numerusform>%n unit</numerusform>
            <numerusform>%n units</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PackingScreen</name>
    <message numerus="yes">
        <location filename="../../orderapp/gui/packing_screen.py" line="565"/>
        <source>%n scan(s) made while the alert was up were not counted: scan those items again.</source>
        <translation>
            <numerusform>%n scan made while the alert was up was not counted: scan that item again.</numerusform>
            <numerusform>%n scans made while the alert was up were not counted: scan those items again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../orderapp/gui/packing_screen.py" line="316"/>
        <source>{scanned} / %n unit(s)</source>
        <translation>
            <numerusform>{scanned} / %n unit</numerusform>
            <numerusform>{scanned} / %n units</numerusform>
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
        <location filename="../../orderapp/gui/stock_reorder.py" line="85"/>
        <source>%n products to reorder.</source>
        <translation>
            <numerusform>%n product to reorder.</numerusform>
            <numerusform>%n products to reorder.</numerusform>
        </translation>
    </message>
</context>
</TS>
