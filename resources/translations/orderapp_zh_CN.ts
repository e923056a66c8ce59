<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdjustDialog</name>
    <message>
        <location filename="../../orderapp/gui/stock_dialogs.py" line="324"/>
        <source>Adjust stock</source>
        <translation>调整库存</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_dialogs.py" line="352"/>
        <source>On hand {on_hand} · reserved {reserved} · available {available}</source>
        <translation>在库 {on_hand} · 预留 {reserved} · 可用 {available}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_dialogs.py" line="373"/>
        <source>Units &amp;taken away</source>
        <translation>减少数量(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_dialogs.py" line="376"/>
        <source>Units &amp;found</source>
        <translation>找到数量(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_dialogs.py" line="379"/>
        <source>&amp;Change (− takes away)</source>
        <translation>变动数量(&amp;C)（负数为减少）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_dialogs.py" line="390"/>
        <source>On hand after: {after}</source>
        <translation>调整后在库：{after}</translation>
    </message>
</context>
<context>
    <name>BackupChooser</name>
    <message>
        <location filename="../../orderapp/gui/database_dialog.py" line="77"/>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/database_dialog.py" line="80"/>
        <source>Choose the backup to put in place of {name}. The file there now is not deleted: it is kept beside it, renamed to {name}.replaced-&lt;date&gt;.</source>
        <translation>选择要替换 {name} 的备份。现有文件不会删除：它会保留在旁边，改名为 {name}.replaced-&lt;日期&gt;。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/database_dialog.py" line="88"/>
        <source>{taken}   {size}   {file}</source>
        <translation>{taken}   {size}   {file}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/database_dialog.py" line="99"/>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
</context>
<context>
    <name>BarcodeRow</name>
    <message>
        <location filename="../../orderapp/gui/product_form.py" line="72"/>
        <source>Scan or type the barcode</source>
        <translation>扫描或输入条码</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_form.py" line="74"/>
        <source>Unit</source>
        <translation>单件</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_form.py" line="75"/>
        <source>Case</source>
        <translation>整箱</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_form.py" line="76"/>
        <source>In-store</source>
        <translation>店内码</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_form.py" line="77"/>
        <source>Unit: one item. Case: an outer case of several. In-store: a code you made.</source>
        <translation>单件：一件商品。整箱：装有多件的外箱。店内码：你自己编的码。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_form.py" line="78"/>
        <source>units per case</source>
        <translation>件/箱</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_form.py" line="81"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>BulkConfirmDialog</name>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="404"/>
        <source>Confirm {n} orders? Each order whose stock allows it is confirmed and its stock reserved; the others stay as they are and are listed here with the reason.</source>
        <translation>确认 {n} 个订单？库存足够的订单会被确认并预留库存；其余订单保持不变，并在此列出原因。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="409"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="409"/>
        <source>Why it was not confirmed</source>
        <translation>未确认的原因</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="418"/>
        <source>&amp;Confirm {n} orders</source>
        <translation>确认 {n} 个订单(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="458"/>
        <source>Confirmed {n} orders.</source>
        <translation>已确认 {n} 个订单。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="460"/>
        <source>{n} could not be confirmed:</source>
        <translation>{n} 个订单无法确认：</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="462"/>
        <source>Stopped before the end; the rest were not tried.</source>
        <translation>中途停止；其余订单未处理。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="481"/>
        <source>Confirming stopped with an error: {reason}</source>
        <translation>确认时出错而停止：{reason}</translation>
    </message>
</context>
<context>
    <name>CountLinesModel</name>
    <message>
        <location filename="../../orderapp/gui/count_lines.py" line="68"/>
        <source>Location</source>
        <translation>库位</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_lines.py" line="68"/>
        <source>SKU</source>
        <translation>货号</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_lines.py" line="68"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_lines.py" line="68"/>
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_lines.py" line="68"/>
        <source>Counted</source>
        <translation>已盘</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_lines.py" line="70"/>
        <source>Expected now</source>
        <translation>当前应有</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_lines.py" line="86"/>
        <source>{n} (recount)</source>
        <translation>{n}（复盘）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_lines.py" line="96"/>
        <source>Being counted again (round {round})</source>
        <translation>正在复盘（第 {round} 轮）</translation>
    </message>
</context>
<context>
    <name>CountScreenForm</name>
    <message>
        <location filename="../../ui/count_screen.ui" line="21"/>
        <source>Stock counts</source>
        <translation>库存盘点</translation>
    </message>
    <message>
        <location filename="../../ui/count_screen.ui" line="67"/>
        <source>&amp;Start a count…</source>
        <translation>开始盘点(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/count_screen.ui" line="74"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/count_screen.ui" line="83"/>
        <source>Show posted and cancelled counts</source>
        <translation>显示已提交和已取消的盘点</translation>
    </message>
    <message>
        <location filename="../../ui/count_screen.ui" line="137"/>
        <source>&amp;Count</source>
        <translation>盘点(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/count_screen.ui" line="148"/>
        <source>Scan, or type a barcode or SKU and press Enter</source>
        <translation>扫描，或输入条码或货号后按回车</translation>
    </message>
    <message>
        <location filename="../../ui/count_screen.ui" line="165"/>
        <source>Start &amp;camera</source>
        <translation>启动摄像头(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/count_screen.ui" line="272"/>
        <source>Find a product in this count</source>
        <translation>在本次盘点中查找商品</translation>
    </message>
    <message>
        <location filename="../../ui/count_screen.ui" line="279"/>
        <source>&amp;Not counted yet only</source>
        <translation>只看未盘(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/count_screen.ui" line="306"/>
        <location filename="../../ui/count_screen.ui" line="527"/>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/count_screen.ui" line="336"/>
        <source>Units counted of the selected product:</source>
        <translation>所选商品的盘点数量：</translation>
    </message>
    <message>
        <location filename="../../ui/count_screen.ui" line="359"/>
        <source>A&amp;dd</source>
        <translation>添加(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/count_screen.ui" line="366"/>
        <source>&amp;Empty shelf (0)</source>
        <translation>空货架 (0)(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/count_screen.ui" line="386"/>
        <source>&amp;Undo last entry</source>
        <translation>撤销上一条(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/count_screen.ui" line="396"/>
        <source>Re&amp;view and post</source>
        <translation>复核并提交(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/count_screen.ui" line="405"/>
        <source>This is a blind count: the review shows the expected quantities, so open it only when the counting is finished (it is for the person who checks and posts the count).</source>
        <translation>这是盲盘：复核页会显示应有数量，请在盘点完成后再打开（供核对并提交盘点的人使用）。</translation>
    </message>
    <message>
        <location filename="../../ui/count_screen.ui" line="417"/>
        <source>&amp;Show the review</source>
        <translation>显示复核(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/count_screen.ui" line="460"/>
        <source>&amp;Variances only</source>
        <translation>只看差异(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/count_screen.ui" line="480"/>
        <source>Recount when the first count is off by</source>
        <translation>首次盘点差异超过以下数值时复盘：</translation>
    </message>
    <message>
        <location filename="../../ui/count_screen.ui" line="493"/>
        <source> units</source>
        <translation> 件</translation>
    </message>
    <message>
        <location filename="../../ui/count_screen.ui" line="500"/>
        <source>or</source>
        <translation>或</translation>
    </message>
    <message>
        <location filename="../../ui/count_screen.ui" line="513"/>
        <source>amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/count_screen.ui" line="520"/>
        <source>A&amp;pply</source>
        <translation>应用(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/count_screen.ui" line="580"/>
        <source>&amp;Recount selected</source>
        <translation>复盘所选(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/count_screen.ui" line="587"/>
        <source>Recount all f&amp;lagged</source>
        <translation>复盘全部已标记行(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/count_screen.ui" line="607"/>
        <source>Set lines not counted to &amp;0</source>
        <translation>未盘行设为 0(&amp;0)</translation>
    </message>
    <message>
        <location filename="../../ui/count_screen.ui" line="614"/>
        <source>&amp;Post count…</source>
        <translation>提交盘点(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/count_screen.ui" line="645"/>
        <source>Print count &amp;sheet…</source>
        <translation>打印盘点表(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/count_screen.ui" line="665"/>
        <source>Cancel this count…</source>
        <translation>取消本次盘点…</translation>
    </message>
</context>
<context>
    <name>CountStartDialog</name>
    <message>
        <location filename="../../orderapp/gui/count_start_dialog.py" line="54"/>
        <source>Start a count</source>
        <translation>开始盘点</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_start_dialog.py" line="89"/>
        <source>e.g. A or A-03</source>
        <translation>例如 A 或 A-03</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_start_dialog.py" line="139"/>
        <source>Type or scan the SKUs or barcodes of the products to count.</source>
        <translation>输入或扫描要盘点商品的货号或条码。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_start_dialog.py" line="140"/>
        <source>No product has the code {codes}; check them.</source>
        <translation>没有商品使用代码 {codes}，请检查。</translation>
    </message>
</context>
<context>
    <name>CountStartForm</name>
    <message>
        <location filename="../../ui/count_start.ui" line="14"/>
        <source>&amp;Title</source>
        <translation>标题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/count_start.ui" line="30"/>
        <source>e.g. Aisle A, May</source>
        <translation>例如 A 排，五月</translation>
    </message>
    <message>
        <location filename="../../ui/count_start.ui" line="52"/>
        <source>What to count</source>
        <translation>盘点范围</translation>
    </message>
    <message>
        <location filename="../../ui/count_start.ui" line="58"/>
        <source>&amp;Everything</source>
        <translation>全部商品(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/count_start.ui" line="68"/>
        <source>A &amp;location (and the bins under it):</source>
        <translation>一个库位（及其下所有货位）(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../ui/count_start.ui" line="82"/>
        <source>A c&amp;ategory:</source>
        <translation>一个分类(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../ui/count_start.ui" line="92"/>
        <source>C&amp;hosen products:</source>
        <translation>指定商品(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../ui/count_start.ui" line="99"/>
        <source>SKUs or barcodes, separated by spaces or new lines (scanning works here)</source>
        <translation>货号或条码，用空格或换行分隔（可在此扫描）</translation>
    </message>
    <message>
        <location filename="../../ui/count_start.ui" line="128"/>
        <source>&amp;Blind count: counters do not see the expected quantities</source>
        <translation>盲盘(&amp;B)：盘点人看不到应有数量</translation>
    </message>
    <message>
        <location filename="../../ui/count_start.ui" line="140"/>
        <source>Flag a line for recount when it is off by</source>
        <translation>差异超过以下数值时标记复盘：</translation>
    </message>
    <message>
        <location filename="../../ui/count_start.ui" line="156"/>
        <source> units</source>
        <translation> 件</translation>
    </message>
    <message>
        <location filename="../../ui/count_start.ui" line="163"/>
        <source>or</source>
        <translation>或</translation>
    </message>
    <message>
        <location filename="../../ui/count_start.ui" line="176"/>
        <source>amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/count_start.ui" line="252"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/count_start.ui" line="259"/>
        <source>&amp;Start count</source>
        <translation>开始盘点(&amp;S)</translation>
    </message>
</context>
<context>
    <name>CountsScreen</name>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="106"/>
        <source>location {value}</source>
        <translation>库位 {value}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="108"/>
        <source>category {value}</source>
        <translation>分类 {value}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="110"/>
        <source>chosen products</source>
        <translation>指定商品</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="111"/>
        <source>everything</source>
        <translation>全部商品</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="116"/>
        <source>posted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="118"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="119"/>
        <source>open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="209"/>
        <source>Camera off</source>
        <translation>摄像头已关闭</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="213"/>
        <source>#</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="213"/>
        <source>Count</source>
        <translation>盘点</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="213"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="213"/>
        <source>Counted</source>
        <translation>已盘</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="213"/>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="327"/>
        <location filename="../../orderapp/gui/counts_screen.py" line="671"/>
        <source>{counted} of {lines}</source>
        <translation>{counted} / {lines}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="384"/>
        <source>Scan the first item, or type its code.</source>
        <translation>扫描第一件商品，或输入其代码。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="398"/>
        <source>Start a count, or choose one in the list.</source>
        <translation>开始一次盘点，或在列表中选择一个。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="403"/>
        <source>Count {id}: {title}</source>
        <translation>盘点 {id}：{title}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="407"/>
        <source>blind</source>
        <translation>盲盘</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="407"/>
        <source>expected quantities shown</source>
        <translation>显示应有数量</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="409"/>
        <source>{counted} of {lines} lines counted</source>
        <translation>已盘 {counted} / {lines} 行</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="465"/>
        <source>Scan a barcode, or type a barcode or SKU and press Enter.</source>
        <translation>扫描条码，或输入条码或货号后按回车。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="474"/>
        <source>Choose the product in the list first, then type how many you counted.</source>
        <translation>请先在列表中选择商品，再输入盘点数量。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="490"/>
        <source>Choose an open count first, or start one.</source>
        <translation>请先选择一个进行中的盘点，或开始新的盘点。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="543"/>
        <source>+{qty}</source>
        <translation>+{qty}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="547"/>
        <source>empty shelf</source>
        <translation>空货架</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="550"/>
        <source>{counted} counted ({added})</source>
        <translation>已盘 {counted}（{added}）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="567"/>
        <source>Put aside: {label} was not counted.</source>
        <translation>已放到一边：{label} 未计入盘点。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="578"/>
        <source>The entry was not recorded ({kind}: {detail}).</source>
        <translation>本条未记录（{kind}：{detail}）。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="583"/>
        <source>Not in this count</source>
        <translation>不在本次盘点中</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="585"/>
        <source>Add it to this count</source>
        <translation>加入本次盘点</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="587"/>
        <source>Put it aside</source>
        <translation>放到一边</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="621"/>
        <source>{counted} counted (undone: {qty})</source>
        <translation>已盘 {counted}（已撤销：{qty}）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="646"/>
        <source> (scroll for more)</source>
        <translation>（滚动查看更多）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="647"/>
        <source>{rows} lines shown{more}</source>
        <translation>显示 {rows} 行{more}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="712"/>
        <source>Reading the count…</source>
        <translation>正在读取盘点…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="731"/>
        <source>Lines counted: {counted}; not counted: {uncounted}; with a difference: {off}, worth {value} in all.</source>
        <translation>已盘行：{counted}；未盘行：{uncounted}；有差异：{off}，共计金额 {value}。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="739"/>
        <source>Flagged for a recount (marked in red): {n}.</source>
        <translation>标记为复盘（红色显示）：{n}。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="789"/>
        <source>Choose the lines to count again in the list first.</source>
        <translation>请先在列表中选择要复盘的行。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="812"/>
        <source>{n} lines are to be counted again: they show as not counted on the Count tab until they are.</source>
        <translation>{n} 行需要复盘：复盘完成前，它们在“盘点”页显示为未盘。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="829"/>
        <source>Not now</source>
        <translation>暂不</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="844"/>
        <source>The {n} lines not counted are set to 0.</source>
        <translation>{n} 个未盘行已设为 0。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="846"/>
        <source>The {n} lines not counted stay as they are.</source>
        <translation>{n} 个未盘行保持不变。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="849"/>
        <source>Post count {id}? Each counted line&apos;s difference becomes a count movement in the stock ledger, all at once. {uncounted}</source>
        <translation>提交盘点 {id}？每个已盘行的差异会一次性作为盘点变动记入库存流水。{uncounted}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="852"/>
        <source>Post the count</source>
        <translation>提交盘点</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="852"/>
        <source>Post</source>
        <translation>提交</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="865"/>
        <source>Posted: {lines} lines adjusted, {added} units added and {removed} taken off, worth {value}.</source>
        <translation>已提交：调整 {lines} 行，增加 {added} 件，减少 {removed} 件，金额 {value}。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="874"/>
        <source>Now fewer on hand than open orders have reserved: {skus}. Check those orders.</source>
        <translation>现在在库数量少于未完成订单的预留数量：{skus}。请检查这些订单。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="887"/>
        <source>Lines flagged for a recount</source>
        <translation>已标记复盘的行</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="889"/>
        <source>Post anyway</source>
        <translation>仍然提交</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="903"/>
        <location filename="../../orderapp/gui/counts_screen.py" line="907"/>
        <source>Cancel the count</source>
        <translation>取消盘点</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="904"/>
        <source>Cancel count {id}? Stock stays as it is; what was counted is kept for the record.</source>
        <translation>取消盘点 {id}？库存保持不变；已盘数据会保留作记录。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="933"/>
        <source>Printing count sheets needs a newer OrderApp; count on screen meanwhile.</source>
        <translation>打印盘点表需要更新版本的 OrderApp；请暂时在屏幕上盘点。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="942"/>
        <source>Count sheet {id}: {title}</source>
        <translation>盘点表 {id}：{title}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="953"/>
        <source>Making the count sheet…</source>
        <translation>正在生成盘点表…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="972"/>
        <source>No camera found</source>
        <translation>未找到摄像头</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="985"/>
        <source>No camera is chosen; plug one in, or scan with a USB scanner.</source>
        <translation>未选择摄像头；请插上摄像头，或用 USB 扫码枪扫描。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="991"/>
        <source>Starting the camera…</source>
        <translation>正在启动摄像头…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="995"/>
        <source>Stop &amp;camera</source>
        <translation>停止摄像头(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="1005"/>
        <source>Start &amp;camera</source>
        <translation>启动摄像头(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="1021"/>
        <source>No picture</source>
        <translation>无画面</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../orderapp/gui/crash.py" line="43"/>
        <source>OrderApp – something went wrong</source>
        <translation>OrderApp – 出错了</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/crash.py" line="48"/>
        <source>Something went wrong. Your work has been kept; you can carry on.</source>
        <translation>出错了。你的工作已保存，可以继续。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/crash.py" line="56"/>
        <source>The details are in the log file, for whoever helps you with OrderApp:
{path}</source>
        <translation>详细信息在日志文件中，可提供给帮你处理 OrderApp 问题的人：
{path}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/crash.py" line="64"/>
        <location filename="../../orderapp/gui/crash.py" line="108"/>
        <source>Show &amp;details</source>
        <translation>显示详细信息(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/crash.py" line="76"/>
        <source>Open &amp;log folder</source>
        <translation>打开日志文件夹(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/crash.py" line="79"/>
        <source>&amp;Continue</source>
        <translation>继续(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/crash.py" line="101"/>
        <source>Something went wrong ({count} times). Your work has been kept; you can carry on.</source>
        <translation>出错了（{count} 次）。你的工作已保存，可以继续。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/crash.py" line="108"/>
        <source>Hide &amp;details</source>
        <translation>隐藏详细信息(&amp;D)</translation>
    </message>
</context>
<context>
    <name>CustomerPicker</name>
    <message>
        <location filename="../../orderapp/gui/customer_picker.py" line="143"/>
        <source>{phone} belongs to {name}{where}. Use that customer instead of adding a new one?</source>
        <translation>{phone} 属于 {name}{where}。使用这位客户，而不是新建客户？</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/customer_picker.py" line="152"/>
        <source>Existing customer</source>
        <translation>老客户</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/customer_picker.py" line="160"/>
        <source>New customer: saved with the order</source>
        <translation>新客户：随订单一起保存</translation>
    </message>
</context>
<context>
    <name>DashboardForm</name>
    <message>
        <location filename="../../ui/dashboard.ui" line="23"/>
        <source>Dashboard</source>
        <translation>概览</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.ui" line="26"/>
        <source>heading</source>
        <translation>heading</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.ui" line="38"/>
        <source>Orders placed since midnight, in the shop&apos;s time zone</source>
        <translation>从午夜起下的订单（按店铺时区）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.ui" line="44"/>
        <location filename="../../ui/dashboard.ui" line="93"/>
        <location filename="../../ui/dashboard.ui" line="142"/>
        <location filename="../../ui/dashboard.ui" line="191"/>
        <source>tile</source>
        <translation>tile</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.ui" line="62"/>
        <location filename="../../ui/dashboard.ui" line="111"/>
        <location filename="../../ui/dashboard.ui" line="160"/>
        <location filename="../../ui/dashboard.ui" line="209"/>
        <source>figure</source>
        <translation>figure</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.ui" line="74"/>
        <source>Orders today</source>
        <translation>今日订单</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.ui" line="87"/>
        <source>Confirmed orders that are being picked or wait for picking</source>
        <translation>已确认、正在拣货或等待拣货的订单</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.ui" line="123"/>
        <source>Waiting to be packed</source>
        <translation>待打包</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.ui" line="136"/>
        <source>Open orders whose due time has passed</source>
        <translation>已过截止时间的未完成订单</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.ui" line="172"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.ui" line="185"/>
        <source>Active products at or below their reorder point</source>
        <translation>可用库存不高于补货点的在售商品</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.ui" line="221"/>
        <source>Low stock</source>
        <translation>库存不足</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.ui" line="242"/>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.ui" line="271"/>
        <source>Count the figures again now (they also refresh every minute)</source>
        <translation>立即重新统计（每分钟也会自动刷新）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.ui" line="274"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
</context>
<context>
    <name>DashboardScreen</name>
    <message>
        <location filename="../../orderapp/gui/dashboard_screen.py" line="104"/>
        <source>as of {time}</source>
        <translation>截至 {time}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/dashboard_screen.py" line="117"/>
        <source>{kind}: {detail}</source>
        <translation>{kind}：{detail}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/dashboard_screen.py" line="118"/>
        <source>The figures could not be counted ({reason}). They will be tried again in a minute.</source>
        <translation>无法统计数据（{reason}）。一分钟后会再试。</translation>
    </message>
</context>
<context>
    <name>DatabaseProblemDialog</name>
    <message>
        <location filename="../../orderapp/gui/database_dialog.py" line="123"/>
        <source>OrderApp – the shop cannot be opened</source>
        <translation>OrderApp – 无法打开店铺</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/database_dialog.py" line="136"/>
        <source>Where: {location}</source>
        <translation>位置：{location}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/database_dialog.py" line="141"/>
        <source>There is a backup of this file from {taken}.</source>
        <translation>此文件有一个备份，时间为 {taken}。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/database_dialog.py" line="145"/>
        <source>There are {count} backups of this file, the newest from {taken}.</source>
        <translation>此文件有 {count} 个备份，最新的时间为 {taken}。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/database_dialog.py" line="154"/>
        <source>&amp;Choose another file…</source>
        <translation>选择其他文件(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/database_dialog.py" line="157"/>
        <source>&amp;Restore a backup…</source>
        <translation>恢复备份(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/database_dialog.py" line="161"/>
        <source>&amp;Try again</source>
        <translation>重试(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/database_dialog.py" line="165"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/database_dialog.py" line="209"/>
        <source>Choose the shop&apos;s database file</source>
        <translation>选择店铺数据库文件</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/database_dialog.py" line="211"/>
        <source>OrderApp shops (*.sqlite *.db);;All files (*)</source>
        <translation>OrderApp 店铺 (*.sqlite *.db);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>DocumentJob</name>
    <message>
        <location filename="../../orderapp/gui/print_preview.py" line="99"/>
        <source>The document could not be made ({kind}: {detail}).</source>
        <translation>无法生成文档（{kind}：{detail}）。</translation>
    </message>
</context>
<context>
    <name>DraftSaver</name>
    <message>
        <location filename="../../orderapp/gui/order_draft_saver.py" line="166"/>
        <source>Your draft could not be saved just now ({reason}); keep this form open.</source>
        <translation>暂时无法保存草稿（{reason}）；请不要关闭此表单。</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../orderapp/gui/stock_history.py" line="117"/>
        <source>Movement history of {sku}</source>
        <translation>{sku} 的库存变动记录</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_history.py" line="125"/>
        <source>On hand {on_hand} · reserved {reserved} · available {available}</source>
        <translation>在库 {on_hand} · 预留 {reserved} · 可用 {available}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_history.py" line="142"/>
        <source>{rows} movements</source>
        <translation>{rows} 条变动</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_history.py" line="144"/>
        <source>{rows} most recent movements; scroll for older ones</source>
        <translation>最近 {rows} 条变动；向下滚动查看更早的记录</translation>
    </message>
</context>
<context>
    <name>InventoryScreen</name>
    <message>
        <location filename="../../orderapp/gui/inventory_screen.py" line="135"/>
        <source>Active products</source>
        <translation>在售商品</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/inventory_screen.py" line="136"/>
        <source>Inactive products</source>
        <translation>停用商品</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/inventory_screen.py" line="137"/>
        <source>All products</source>
        <translation>全部商品</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/inventory_screen.py" line="138"/>
        <location filename="../../orderapp/gui/inventory_screen.py" line="224"/>
        <source>All categories</source>
        <translation>全部分类</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/inventory_screen.py" line="141"/>
        <source>Any location</source>
        <translation>全部库位</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/inventory_screen.py" line="288"/>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/inventory_screen.py" line="303"/>
        <source>No product matches; check the search or the filters.</source>
        <translation>没有匹配的商品；请检查搜索内容或筛选条件。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../orderapp/gui/inventory_screen.py" line="305"/>
        <source>%n products</source>
        <translation>
            <numerusform>%n 个商品</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/inventory_screen.py" line="375"/>
        <source>Choose a product in the list.</source>
        <translation>请在列表中选择一个商品。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/inventory_screen.py" line="389"/>
        <source>SKU {sku}</source>
        <translation>货号 {sku}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/inventory_screen.py" line="391"/>
        <source>Price {price}</source>
        <translation>售价 {price}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/inventory_screen.py" line="392"/>
        <source>cost {cost}</source>
        <translation>成本 {cost}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/inventory_screen.py" line="397"/>
        <source>Location {location}</source>
        <translation>库位 {location}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/inventory_screen.py" line="399"/>
        <source>reorder at {point}, order {qty}</source>
        <translation>补货点 {point}，补货 {qty}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/inventory_screen.py" line="409"/>
        <source>At or below the reorder point ({point})</source>
        <translation>不高于补货点（{point}）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/inventory_screen.py" line="414"/>
        <source>{code} (case of {qty})</source>
        <translation>{code}（整箱 {qty} 件）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/inventory_screen.py" line="416"/>
        <source>{code} (in-store)</source>
        <translation>{code}（店内码）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/inventory_screen.py" line="419"/>
        <source>Barcodes: {codes}</source>
        <translation>条码：{codes}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/inventory_screen.py" line="422"/>
        <source>&amp;Deactivate</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/inventory_screen.py" line="424"/>
        <source>Inactive: not sold and not counted; its history is kept.</source>
        <translation>已停用：不再销售，也不参与盘点；历史记录保留。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/inventory_screen.py" line="425"/>
        <source>Re&amp;activate</source>
        <translation>重新启用(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/inventory_screen.py" line="539"/>
        <source>Delete product</source>
        <translation>删除商品</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/inventory_screen.py" line="540"/>
        <source>Delete {sku} “{name}”? It has never moved, so nothing else refers to it.</source>
        <translation>删除 {sku}“{name}”？它从未有过库存变动，没有其他记录引用它。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/inventory_screen.py" line="562"/>
        <source>{sku} has a history, so it was deactivated instead of deleted.</source>
        <translation>{sku} 有历史记录，因此已改为停用而不是删除。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/inventory_screen.py" line="581"/>
        <source>Export stopped; no file was written.</source>
        <translation>导出已停止；没有写入文件。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/inventory_screen.py" line="587"/>
        <source>{rows} products exported to {path}.</source>
        <translation>已将 {rows} 个商品导出到 {path}。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../orderapp/gui/main_window.py" line="118"/>
        <source>Dashboard</source>
        <translation>概览</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/main_window.py" line="121"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/main_window.py" line="123"/>
        <source>Orders will be here: take a phone, web or counter order with every line checked as you type, confirm it to reserve the stock, and follow it from received to delivered.</source>
        <translation>订单功能即将推出：录入电话、网店或柜台订单，输入时逐行检查；确认订单即预留库存，并跟踪从接单到签收的全过程。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/main_window.py" line="129"/>
        <source>Packing</source>
        <translation>打包</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/main_window.py" line="131"/>
        <source>Packing will be here: scan every item of an order with the webcam or a USB scanner, so that nothing wrong or missing goes in the box.</source>
        <translation>打包功能即将推出：用摄像头或 USB 扫码枪逐件扫描订单商品，确保不错发、不漏发。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/main_window.py" line="137"/>
        <source>Inventory</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/main_window.py" line="139"/>
        <source>Inventory will be here: products with their barcodes, the stock on hand and reserved, and every movement that changed it.</source>
        <translation>库存功能即将推出：商品及其条码、在库和预留数量，以及每一笔库存变动。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/main_window.py" line="145"/>
        <source>Counts</source>
        <translation>盘点</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/main_window.py" line="147"/>
        <source>Stock counts will be here: count a shelf, see where it differs from the books, and post the differences to the stock ledger.</source>
        <translation>库存盘点功能即将推出：盘点货架，查看与账面的差异，并把差异记入库存流水。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/main_window.py" line="153"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/main_window.py" line="155"/>
        <source>Reports will be here: the daily summary, pick lists, packing slips, count sheets and labels, ready to print.</source>
        <translation>报表功能即将推出：每日汇总、拣货单、装箱单、盘点表和标签，随时可打印。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/main_window.py" line="159"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/main_window.py" line="165"/>
        <source>Screens</source>
        <translation>功能页面</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/main_window.py" line="182"/>
        <source>{screen} ({shortcut})</source>
        <translation>{screen}（{shortcut}）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/main_window.py" line="211"/>
        <source>Database: {location}</source>
        <translation>数据库：{location}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/main_window.py" line="227"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/main_window.py" line="229"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/main_window.py" line="236"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/main_window.py" line="238"/>
        <source>Open &amp;log folder</source>
        <translation>打开日志文件夹(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/main_window.py" line="240"/>
        <source>Show the folder with OrderApp&apos;s log, for whoever helps you with it</source>
        <translation>打开存放 OrderApp 日志的文件夹，可提供给帮你处理问题的人</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/main_window.py" line="243"/>
        <source>&amp;About OrderApp</source>
        <translation>关于 OrderApp(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/main_window.py" line="251"/>
        <source>&lt;h3&gt;OrderApp {version}&lt;/h3&gt;&lt;p&gt;Orders, scan-verified packing, stock counts and printed paperwork for small shops.&lt;/p&gt;&lt;p&gt;Python {python}, Qt for Python {pyside}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;OrderApp {version}&lt;/h3&gt;&lt;p&gt;为小店打造的订单、扫码核对打包、库存盘点和单据打印工具。&lt;/p&gt;&lt;p&gt;Python {python}，Qt for Python {pyside}&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/main_window.py" line="257"/>
        <source>About OrderApp</source>
        <translation>关于 OrderApp</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/main_window.py" line="340"/>
        <source>The shop&apos;s settings could not be read: {reason}</source>
        <translation>无法读取店铺设置：{reason}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/main_window.py" line="347"/>
        <source>OrderApp – {shop}</source>
        <translation>OrderApp – {shop}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/main_window.py" line="347"/>
        <source>OrderApp</source>
        <translation>OrderApp</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/main_window.py" line="349"/>
        <source> (demo)</source>
        <translation>（演示）</translation>
    </message>
</context>
<context>
    <name>MovementModel</name>
    <message>
        <location filename="../../orderapp/gui/stock_history.py" line="61"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_history.py" line="62"/>
        <source>What</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_history.py" line="63"/>
        <source>On hand ±</source>
        <translation>在库 ±</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_history.py" line="64"/>
        <source>On hand after</source>
        <translation>变动后在库</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_history.py" line="65"/>
        <source>Reserved ±</source>
        <translation>预留 ±</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_history.py" line="66"/>
        <source>Reserved after</source>
        <translation>变动后预留</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_history.py" line="67"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_history.py" line="68"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_history.py" line="69"/>
        <source>Reference</source>
        <translation>单据号</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_history.py" line="102"/>
        <source>order {number}</source>
        <translation>订单 {number}</translation>
    </message>
</context>
<context>
    <name>OrderActionDialog</name>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="170"/>
        <source>That did not work; nothing was changed. Try again.</source>
        <translation>操作未成功，没有做任何更改。请重试。</translation>
    </message>
    <message>
        <location filename="../../ui/order_action_dialog.ui" line="33"/>
        <source>&amp;Carrier</source>
        <translation>快递公司(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/order_action_dialog.ui" line="69"/>
        <source>&amp;Tracking number</source>
        <translation>运单号(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/order_action_dialog.ui" line="82"/>
        <source>As printed on the label; a scanner can type it</source>
        <translation>与面单上一致；可用扫码枪输入</translation>
    </message>
    <message>
        <location filename="../../ui/order_action_dialog.ui" line="102"/>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/order_action_dialog.ui" line="115"/>
        <source>Kept in the order&apos;s timeline</source>
        <translation>记录在订单的时间线中</translation>
    </message>
</context>
<context>
    <name>OrderBulkConfirm</name>
    <message>
        <location filename="../../ui/order_bulk_confirm.ui" line="6"/>
        <source>Confirm orders</source>
        <translation>确认订单</translation>
    </message>
    <message>
        <location filename="../../ui/order_bulk_confirm.ui" line="73"/>
        <source>&amp;Confirm</source>
        <translation>确认(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/order_bulk_confirm.ui" line="83"/>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/order_bulk_confirm.ui" line="86"/>
        <source>Stop after the order being confirmed</source>
        <translation>确认完当前订单后停止</translation>
    </message>
    <message>
        <location filename="../../ui/order_bulk_confirm.ui" line="93"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>OrderDetail</name>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="228"/>
        <source>SKU</source>
        <translation>货号</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="229"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="230"/>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="231"/>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="232"/>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="233"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="234"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="244"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="244"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="244"/>
        <source>What</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="244"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="282"/>
        <source>The order could not be read just now; choose it again.</source>
        <translation>暂时无法读取订单；请重新选择。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="305"/>
        <source>URGENT</source>
        <translation>加急</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="307"/>
        <source>OVERDUE</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="309"/>
        <source>BACKORDERED</source>
        <translation>缺货待补</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="320"/>
        <source>Goods {amount}</source>
        <translation>商品金额 {amount}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="322"/>
        <source>discount −{amount}</source>
        <translation>优惠 −{amount}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="324"/>
        <source>shipping {amount}</source>
        <translation>运费 {amount}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="325"/>
        <source>&lt;b&gt;Total {amount}&lt;/b&gt;</source>
        <translation>&lt;b&gt;合计 {amount}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="334"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="349"/>
        <source>Deliver to</source>
        <translation>收货信息</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="351"/>
        <location filename="../../orderapp/gui/order_detail.py" line="353"/>
        <source>Delivery</source>
        <translation>配送</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="351"/>
        <source>collected at the shop</source>
        <translation>到店自提</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="353"/>
        <source>sold at the counter</source>
        <translation>柜台销售</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="355"/>
        <source>Placed</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="357"/>
        <source>Their number</source>
        <translation>对方单号</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="362"/>
        <source>Due</source>
        <translation>截止</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="366"/>
        <source>Payment</source>
        <translation>付款</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="368"/>
        <source>Shipped with</source>
        <translation>承运</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="370"/>
        <source>On hold from</source>
        <translation>暂停自</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="372"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="391"/>
        <source>backordered</source>
        <translation>缺货待补</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="394"/>
        <source>price changed (catalogue {price})</source>
        <translation>价格已改（目录价 {price}）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="483"/>
        <source>That did not work; nothing was changed. Try again.</source>
        <translation>操作未成功，没有做任何更改。请重试。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="515"/>
        <source>Ship {number}</source>
        <translation>发货 {number}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="516"/>
        <source>Record who carries {number} and its tracking number.</source>
        <translation>记录 {number} 的快递公司和运单号。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="517"/>
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="530"/>
        <source>Cancel {number}</source>
        <translation>取消 {number}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="531"/>
        <source>Why is {number} cancelled? Its reserved stock goes back on sale.</source>
        <translation>为什么取消 {number}？它预留的库存会重新变为可售。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="534"/>
        <source>Cancel the order</source>
        <translation>取消订单</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="545"/>
        <source>Hold {number}</source>
        <translation>暂停 {number}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="546"/>
        <source>Why is work on {number} stopped? It keeps any stock it holds.</source>
        <translation>为什么暂停处理 {number}？它已占用的库存会保留。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="547"/>
        <source>Put on hold</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="558"/>
        <source>Release {number}</source>
        <translation>恢复 {number}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="559"/>
        <source>Why can work on {number} go on?</source>
        <translation>为什么可以继续处理 {number}？</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="560"/>
        <source>Release</source>
        <translation>恢复</translation>
    </message>
</context>
<context>
    <name>OrderDetailForm</name>
    <message>
        <location filename="../../ui/order_detail.ui" line="21"/>
        <source>Choose an order in the list to see it here.</source>
        <translation>在列表中选择一个订单，在此查看。</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.ui" line="102"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.ui" line="105"/>
        <source>Change the order&apos;s lines, customer or address (Alt+E)</source>
        <translation>修改订单的商品行、客户或地址 (Alt+E)</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.ui" line="112"/>
        <source>&amp;Confirm</source>
        <translation>确认(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.ui" line="115"/>
        <source>Reserve the stock and send the order to packing (Alt+C)</source>
        <translation>预留库存并把订单送去打包 (Alt+C)</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.ui" line="122"/>
        <source>Start &amp;picking</source>
        <translation>开始拣货(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.ui" line="125"/>
        <source>Mark that someone is picking it (Alt+P)</source>
        <translation>标记为有人正在拣货 (Alt+P)</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.ui" line="132"/>
        <source>&amp;Ship…</source>
        <translation>发货(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.ui" line="135"/>
        <source>It left: record the carrier and tracking number (Alt+S)</source>
        <translation>已发出：记录快递公司和运单号 (Alt+S)</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.ui" line="142"/>
        <source>&amp;Delivered</source>
        <translation>已签收(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.ui" line="145"/>
        <source>The customer has it (Alt+D)</source>
        <translation>客户已收到 (Alt+D)</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.ui" line="152"/>
        <source>Ho&amp;ld…</source>
        <translation>暂停(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.ui" line="155"/>
        <source>Stop work on it for now, with a reason (Alt+H)</source>
        <translation>暂停处理，并注明原因 (Alt+H)</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.ui" line="162"/>
        <source>&amp;Release…</source>
        <translation>恢复(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.ui" line="165"/>
        <source>Take it off hold, with a reason (Alt+R)</source>
        <translation>解除暂停，并注明原因 (Alt+R)</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.ui" line="172"/>
        <source>Ca&amp;ncel order…</source>
        <translation>取消订单(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.ui" line="175"/>
        <source>Cancel it, with a reason; its reserved stock is released (Alt+N)</source>
        <translation>取消订单，并注明原因；预留的库存会释放 (Alt+N)</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.ui" line="240"/>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
</context>
<context>
    <name>OrderFilterBar</name>
    <message>
        <location filename="../../orderapp/gui/order_filters.py" line="56"/>
        <source>Every status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_filters.py" line="57"/>
        <source>Open (not shipped yet)</source>
        <translation>未完成（尚未发货）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_filters.py" line="58"/>
        <source>To pack (confirmed or picking)</source>
        <translation>待打包(已确认或拣货中)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_filters.py" line="61"/>
        <source>Every channel</source>
        <translation>全部渠道</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_filters.py" line="65"/>
        <source>Any time</source>
        <translation>不限时间</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_filters.py" line="66"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_filters.py" line="67"/>
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_filters.py" line="68"/>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_filters.py" line="69"/>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_filters.py" line="70"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_filters.py" line="71"/>
        <source>Between dates…</source>
        <translation>指定日期范围…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_filters.py" line="74"/>
        <source>Any priority</source>
        <translation>全部优先级</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_filters.py" line="75"/>
        <source>Urgent</source>
        <translation>加急</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_filters.py" line="76"/>
        <source>Normal</source>
        <translation>普通</translation>
    </message>
</context>
<context>
    <name>OrderForm</name>
    <message>
        <location filename="../../ui/order_form.ui" line="730"/>
        <source>e.g. 5 or 10%</source>
        <translation>例如 5 或 10%</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_form.py" line="445"/>
        <source>The customer collects the order at the shop; no address needed.</source>
        <translation>客户到店自提订单；无需地址。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_form.py" line="448"/>
        <source>Sold at the counter: the customer is optional and the stock is taken at once.</source>
        <translation>柜台销售：客户可不填，库存立即扣减。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_form.py" line="511"/>
        <source>discount −{amount}</source>
        <translation>优惠 −{amount}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_form.py" line="513"/>
        <source>shipping {amount}</source>
        <translation>运费 {amount}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_form.py" line="526"/>
        <source>Looking up the products…</source>
        <translation>正在查找商品…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_form.py" line="529"/>
        <source>Left to fix:</source>
        <translation>待修正：</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_form.py" line="532"/>
        <source>Ready: {keys} completes the sale.</source>
        <translation>就绪：按 {keys} 完成销售。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_form.py" line="534"/>
        <source>Ready: {keys} confirms the order and reserves the stock.</source>
        <translation>就绪：按 {keys} 确认订单并预留库存。</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="1163"/>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_form.py" line="556"/>
        <source>Edit {number}</source>
        <translation>编辑 {number}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_form.py" line="558"/>
        <source>Walk-in sale</source>
        <translation>柜台销售</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_form.py" line="560"/>
        <source>New order</source>
        <translation>新建订单</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_form.py" line="579"/>
        <source>The database could not be read just now; try again in a moment.</source>
        <translation>暂时无法读取数据库；请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_form.py" line="624"/>
        <source>Discard this order?</source>
        <translation>放弃此订单？</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_form.py" line="625"/>
        <source>Everything typed in this form will be lost. Discard it?</source>
        <translation>此表单中输入的所有内容都将丢失。确定放弃？</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_form.py" line="627"/>
        <source>Your changes to {number} will be lost. Discard them?</source>
        <translation>对 {number} 的修改将丢失。确定放弃？</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_form.py" line="721"/>
        <source>Sale {number} completed: {total}.</source>
        <translation>销售 {number} 已完成：{total}。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_form.py" line="734"/>
        <source>Not placed: order {number} already has these items.</source>
        <translation>未下单：订单 {number} 已有相同的商品。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_form.py" line="750"/>
        <source>Fix the fields marked in red, then try again.</source>
        <translation>请修正标红的字段，然后重试。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_form.py" line="759"/>
        <source>The order could not be saved; your typing is kept. Try again.</source>
        <translation>订单未能保存；已输入的内容仍保留。请重试。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_submit.py" line="57"/>
        <source>Same order again?</source>
        <translation>重复下单？</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_submit.py" line="60"/>
        <source>Place it as well</source>
        <translation>仍然下单</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_submit.py" line="63"/>
        <source>Don&apos;t place it</source>
        <translation>不下单</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="44"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="53"/>
        <source>&amp;Customer</source>
        <translation>客户(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="66"/>
        <source>Name or phone: pick an existing customer or type a new one</source>
        <translation>姓名或电话：选择老客户或输入新客户</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="69"/>
        <source>Type a name or phone number to find the customer; pick one from the list with the arrow keys and Enter, or keep typing for a new customer (Alt+C)</source>
        <translation>输入姓名或电话号码查找客户；用方向键和回车从列表中选择，或继续输入以新建客户 (Alt+C)</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="101"/>
        <source>New customer instead</source>
        <translation>改为新客户</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="104"/>
        <source>Enter a new customer instead of the one picked</source>
        <translation>不用已选的客户，改为输入新客户</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="126"/>
        <source>e.g. 138 1234 5678; abroad with +country code</source>
        <translation>例如 138 1234 5678；境外号码请加 + 国家代码</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="174"/>
        <source>&amp;Use this customer</source>
        <translation>使用这位客户(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="177"/>
        <source>Take the customer who has this phone number (Alt+U)</source>
        <translation>使用拥有此电话号码的客户 (Alt+U)</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="187"/>
        <source>E-&amp;mail</source>
        <translation>电子邮箱(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="200"/>
        <source>Optional, e.g. name@example.com</source>
        <translation>选填，例如 name@example.com</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="236"/>
        <source>Delivery</source>
        <translation>配送</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="244"/>
        <source>Deli&amp;very</source>
        <translation>配送(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="250"/>
        <source>Sent to the address below (Alt+V)</source>
        <translation>寄送到下面的地址 (Alt+V)</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="257"/>
        <source>Pic&amp;kup</source>
        <translation>自提(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="260"/>
        <source>Collected at the shop later (Alt+K)</source>
        <translation>稍后到店自提 (Alt+K)</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="267"/>
        <source>&amp;Walk-in sale</source>
        <translation>柜台销售(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="270"/>
        <source>Sold at the counter now: no address, stock taken at once (Alt+W)</source>
        <translation>现在在柜台售出：无需地址，库存立即扣减 (Alt+W)</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="323"/>
        <source>&amp;Address</source>
        <translation>地址(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="336"/>
        <source>Street and house number, e.g. 南京东路100号</source>
        <translation>街道和门牌号，例如 南京东路100号</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="356"/>
        <source>Line &amp;2</source>
        <translation>地址第二行(&amp;2)</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="369"/>
        <source>Building, floor, flat (optional)</source>
        <translation>楼栋、楼层、房号（选填）</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="389"/>
        <source>C&amp;ity</source>
        <translation>城市(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="402"/>
        <source>e.g. 上海 / Shanghai</source>
        <translation>例如 上海 / Shanghai</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="422"/>
        <source>Province / &amp;state</source>
        <translation>省 / 州(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="435"/>
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="468"/>
        <source>e.g. 200001</source>
        <translation>例如 200001</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="488"/>
        <source>Coun&amp;try</source>
        <translation>国家/地区(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="524"/>
        <source>&amp;Recipient</source>
        <translation>收件人(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="537"/>
        <source>Empty: the customer</source>
        <translation>留空：即客户本人</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="557"/>
        <source>R&amp;ecipient phone</source>
        <translation>收件人电话(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="570"/>
        <source>Empty: the customer&apos;s phone</source>
        <translation>留空：即客户的电话</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="619"/>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="627"/>
        <source>Add &amp;product</source>
        <translation>添加商品(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="637"/>
        <source>SKU, barcode or name; Enter adds it (3*SKU adds 3)</source>
        <translation>货号、条码或名称；回车添加（3*货号 添加 3 件）</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="640"/>
        <source>Type or scan a SKU or barcode and press Enter, or type part of a name and pick from the list; start with 3* to add three (Ctrl+L)</source>
        <translation>输入或扫描货号或条码后按回车，或输入部分名称并从列表中选择；以 3* 开头可一次添加三件 (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="647"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="650"/>
        <source>Add the product typed (Enter)</source>
        <translation>添加已输入的商品（回车）</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="691"/>
        <source>Totals and payment</source>
        <translation>合计与付款</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="700"/>
        <source>Goods</source>
        <translation>商品金额</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="717"/>
        <source>Order &amp;discount</source>
        <translation>订单优惠(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="113"/>
        <source>Ph&amp;one</source>
        <translation>电话(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="455"/>
        <source>Postcode / &amp;ZIP</source>
        <translation>邮编(&amp;Z)</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="750"/>
        <source>Shipping fee</source>
        <translation>运费</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="763"/>
        <source>e.g. 10</source>
        <translation>例如 10</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="783"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="806"/>
        <source>Pa&amp;yment</source>
        <translation>付款(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="835"/>
        <source>Amount paid</source>
        <translation>已付金额</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="848"/>
        <source>How much was paid so far</source>
        <translation>到目前为止已付多少</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="871"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="880"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="893"/>
        <source>Ur&amp;gent</source>
        <translation>加急(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="896"/>
        <source>Show it first to the packers</source>
        <translation>优先显示给打包人员</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="916"/>
        <source>Due &amp;by</source>
        <translation>截止时间(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="919"/>
        <source>Give the order a time it must be ready</source>
        <translation>为订单设定必须备好的时间</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="949"/>
        <source>Channe&amp;l</source>
        <translation>渠道(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="985"/>
        <source>E&amp;xternal number</source>
        <translation>外部单号(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="998"/>
        <source>Optional: the number they gave</source>
        <translation>选填：对方提供的单号</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="1018"/>
        <source>&amp;Notes</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="1040"/>
        <source>Printed on the packing slip</source>
        <translation>打印在装箱单上</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="1133"/>
        <source>Discard…</source>
        <translation>放弃…</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="1136"/>
        <source>Throw this order away, with its saved draft</source>
        <translation>丢弃此订单及其已保存的草稿</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="1143"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="1146"/>
        <source>Close the form; what you typed is kept as a draft (Esc)</source>
        <translation>关闭表单；已输入的内容会保存为草稿 (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="1153"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="1156"/>
        <source>Save it as received, without reserving stock (Ctrl+S)</source>
        <translation>保存为待确认，不预留库存 (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="1169"/>
        <source>Save and confirm: the stock is reserved (Ctrl+Enter)</source>
        <translation>保存并确认：预留库存 (Ctrl+Enter)</translation>
    </message>
</context>
<context>
    <name>OrderFormView</name>
    <message>
        <location filename="../../orderapp/gui/order_form_view.py" line="186"/>
        <source>{confirm} confirm · {save} save · {add} add product · {remove} remove line · Esc close</source>
        <translation>{confirm} 确认 · {save} 保存 · {add} 添加商品 · {remove} 删除行 · Esc 关闭</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_form_view.py" line="441"/>
        <source>Save changes</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_form_view.py" line="445"/>
        <source>Save and confirm</source>
        <translation>保存并确认</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_form_view.py" line="447"/>
        <source>Discard changes…</source>
        <translation>放弃修改…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_form_view.py" line="451"/>
        <source>Complete sale</source>
        <translation>完成销售</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_form_view.py" line="454"/>
        <source>Sell it now: the stock is taken at once ({keys})</source>
        <translation>立即售出：库存立即扣减 ({keys})</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_form_view.py" line="458"/>
        <source>Save as received</source>
        <translation>保存为待确认</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_form_view.py" line="461"/>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_form_view.py" line="464"/>
        <source>Save and confirm: the stock is reserved ({keys})</source>
        <translation>保存并确认：预留库存 ({keys})</translation>
    </message>
</context>
<context>
    <name>OrderImportDialog</name>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="105"/>
        <source>Find out from the columns</source>
        <translation>根据列自动识别</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="106"/>
        <source>Shopify orders export</source>
        <translation>Shopify 订单导出文件</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="107"/>
        <source>OrderApp template (generic)</source>
        <translation>OrderApp 模板（通用）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="109"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="109"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="109"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="140"/>
        <source>Choose the orders file</source>
        <translation>选择订单文件</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="140"/>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV 文件 (*.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="148"/>
        <source>Save the orders template</source>
        <translation>保存订单模板</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="148"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="155"/>
        <source>Template saved as {path}.</source>
        <translation>模板已保存为 {path}。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="157"/>
        <source>The template could not be saved there: {reason}</source>
        <translation>无法在此保存模板：{reason}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="173"/>
        <source>Choose the file to import first.</source>
        <translation>请先选择要导入的文件。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="177"/>
        <source>There is no file {path}; choose it again.</source>
        <translation>文件 {path} 不存在；请重新选择。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="181"/>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="207"/>
        <source>Stopped; nothing was read or written.</source>
        <translation>已停止；没有读取或写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="214"/>
        <source>The file could not be read: {reason}</source>
        <translation>无法读取文件：{reason}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="220"/>
        <source>{rows} rows read: {orders} orders to import ({kind}).</source>
        <translation>已读取 {rows} 行：{orders} 个订单待导入（{kind}）。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="223"/>
        <source>Shopify</source>
        <translation>Shopify</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="223"/>
        <source>OrderApp template</source>
        <translation>OrderApp 模板</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="227"/>
        <source>{n} orders are skipped (imported before, or cancelled).</source>
        <translation>跳过 {n} 个订单（之前已导入，或已取消）。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="230"/>
        <source>{n} problems stop the import: fix them in the file and preview again.</source>
        <translation>{n} 个问题导致无法导入：请在文件中修正后重新预览。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="235"/>
        <source>Nothing stops the import; press Import.</source>
        <translation>没有问题，可以导入；请按“导入”。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="237"/>
        <source>{n} warnings: imported as given.</source>
        <translation>{n} 个警告：按原样导入。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="240"/>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="240"/>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="242"/>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="246"/>
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="246"/>
        <source>{ref}: {why}</source>
        <translation>{ref}：{why}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="252"/>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="273"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="295"/>
        <source>Imported {n} orders ({span}) as received.</source>
        <translation>已导入 {n} 个订单（{span}），状态为待确认。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="297"/>
        <source>Nothing new to import.</source>
        <translation>没有需要导入的新内容。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="299"/>
        <source>{n} skipped.</source>
        <translation>跳过 {n} 个。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="301"/>
        <source>{n} new customers.</source>
        <translation>新客户 {n} 个。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="310"/>
        <source>Stopped; nothing was imported.</source>
        <translation>已停止；没有导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="312"/>
        <source>Nothing was imported.</source>
        <translation>没有导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="314"/>
        <source>The import failed and nothing was imported: {reason}</source>
        <translation>导入失败，没有导入任何内容：{reason}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="352"/>
        <source>{phase}: %v of %m</source>
        <translation>{phase}：%v / %m</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="358"/>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <location filename="../../ui/order_import.ui" line="6"/>
        <source>Import orders</source>
        <translation>导入订单</translation>
    </message>
    <message>
        <location filename="../../ui/order_import.ui" line="18"/>
        <source>Bring in orders from a Shopify orders export or from the OrderApp CSV template. Nothing is written until you press Import, and then either the whole file is imported or nothing is. Orders imported before are skipped.</source>
        <translation>从 Shopify 订单导出文件或 OrderApp CSV 模板导入订单。按“导入”之前不会写入任何内容；导入时要么整个文件全部导入，要么什么都不导入。之前导入过的订单会被跳过。</translation>
    </message>
    <message>
        <location filename="../../ui/order_import.ui" line="33"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/order_import.ui" line="48"/>
        <source>A .csv file</source>
        <translation>一个 .csv 文件</translation>
    </message>
    <message>
        <location filename="../../ui/order_import.ui" line="55"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../ui/order_import.ui" line="58"/>
        <source>Choose the file (Alt+B)</source>
        <translation>选择文件 (Alt+B)</translation>
    </message>
    <message>
        <location filename="../../ui/order_import.ui" line="67"/>
        <source>F&amp;ormat</source>
        <translation>格式(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/order_import.ui" line="85"/>
        <source>Save the &amp;template…</source>
        <translation>保存模板(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../ui/order_import.ui" line="88"/>
        <source>Write the generic CSV template with an example to fill in (Alt+T)</source>
        <translation>写出带示例的通用 CSV 模板，供填写 (Alt+T)</translation>
    </message>
    <message>
        <location filename="../../ui/order_import.ui" line="114"/>
        <source>&amp;Preview</source>
        <translation>预览(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/order_import.ui" line="117"/>
        <source>Read and check the file; nothing is written (Alt+P)</source>
        <translation>读取并检查文件；不写入任何内容 (Alt+P)</translation>
    </message>
    <message>
        <location filename="../../ui/order_import.ui" line="131"/>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/order_import.ui" line="134"/>
        <source>Stop reading or importing; nothing is written (Alt+S)</source>
        <translation>停止读取或导入；不写入任何内容 (Alt+S)</translation>
    </message>
    <message>
        <location filename="../../ui/order_import.ui" line="184"/>
        <source>&amp;Confirm imported orders…</source>
        <translation>确认已导入的订单(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ui/order_import.ui" line="187"/>
        <source>Confirm the orders just imported whose stock allows; the rest are listed (Alt+C)</source>
        <translation>确认刚导入且库存足够的订单；其余的会列出 (Alt+C)</translation>
    </message>
    <message>
        <location filename="../../ui/order_import.ui" line="194"/>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/order_import.ui" line="197"/>
        <source>Write the orders (Alt+I)</source>
        <translation>写入订单 (Alt+I)</translation>
    </message>
    <message>
        <location filename="../../ui/order_import.ui" line="204"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>OrderLines</name>
    <message>
        <location filename="../../orderapp/gui/order_lines.py" line="98"/>
        <source>SKU / barcode</source>
        <translation>货号 / 条码</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_lines.py" line="99"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_lines.py" line="100"/>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_lines.py" line="101"/>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_lines.py" line="102"/>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_lines.py" line="103"/>
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_lines.py" line="104"/>
        <source>Line total</source>
        <translation>小计</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_lines.py" line="171"/>
        <source>The product&apos;s SKU or barcode; change it to sell another product</source>
        <translation>商品的货号或条码；修改它即可换成其他商品</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_lines.py" line="176"/>
        <source>How many units</source>
        <translation>数量（件）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_lines.py" line="181"/>
        <source>e.g. 5 or 10%</source>
        <translation>例如 5 或 10%</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_lines.py" line="182"/>
        <source>Discount on this line: an amount, or a percentage such as 10%</source>
        <translation>本行折扣：金额，或百分比如 10%</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_lines.py" line="187"/>
        <source>Remove this line ({keys})</source>
        <translation>删除此行 ({keys})</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_lines.py" line="252"/>
        <source>Line {n} {what}</source>
        <translation>第 {n} 行{what}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_lines.py" line="296"/>
        <source>Looking up…</source>
        <translation>正在查找…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_lines.py" line="304"/>
        <source>Changed from the catalogue price {price}</source>
        <translation>已改自目录价 {price}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_lines.py" line="308"/>
        <source>Empty: the catalogue price</source>
        <translation>留空：按目录价</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_lines.py" line="318"/>
        <source>{n} available · backordered</source>
        <translation>可用 {n} · 缺货待补</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_lines.py" line="321"/>
        <source>only {n} available</source>
        <translation>仅可用 {n}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_lines.py" line="324"/>
        <source>{n} available</source>
        <translation>可用 {n}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_lines.py" line="327"/>
        <source>Not enough stock: this line is confirmed as backordered and packed when stock arrives.</source>
        <translation>库存不足：此行确认后记为缺货待补，到货后再打包。</translation>
    </message>
</context>
<context>
    <name>OrderList</name>
    <message>
        <location filename="../../orderapp/gui/order_list_model.py" line="53"/>
        <source>unpaid</source>
        <translation>未付款</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_list_model.py" line="54"/>
        <source>paid</source>
        <translation>已付款</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_list_model.py" line="55"/>
        <source>partly paid</source>
        <translation>部分付款</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_list_model.py" line="56"/>
        <source>refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_list_model.py" line="62"/>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_list_model.py" line="63"/>
        <source>web</source>
        <translation>网店</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_list_model.py" line="64"/>
        <source>in the shop</source>
        <translation>门店</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_list_model.py" line="65"/>
        <source>Shopify</source>
        <translation>Shopify</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_list_model.py" line="66"/>
        <source>imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_list_model.py" line="67"/>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
</context>
<context>
    <name>OrderListModel</name>
    <message>
        <location filename="../../orderapp/gui/order_list_model.py" line="227"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_list_model.py" line="228"/>
        <source>Placed</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_list_model.py" line="229"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_list_model.py" line="230"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_list_model.py" line="231"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_list_model.py" line="232"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_list_model.py" line="233"/>
        <source>Items</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_list_model.py" line="234"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_list_model.py" line="235"/>
        <source>Payment</source>
        <translation>付款</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_list_model.py" line="236"/>
        <source>Due</source>
        <translation>截止</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_list_model.py" line="268"/>
        <source>Overdue: it was due {due} and has not shipped.</source>
        <translation>逾期：截止时间为 {due}，尚未发货。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_list_model.py" line="270"/>
        <source>Urgent</source>
        <translation>加急</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_list_model.py" line="272"/>
        <source>Their number: {ref}</source>
        <translation>对方单号：{ref}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_list_model.py" line="276"/>
        <source>{text} (overdue)</source>
        <translation>{text}（逾期）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_list_model.py" line="303"/>
        <source>{due} (overdue)</source>
        <translation>{due}（逾期）</translation>
    </message>
</context>
<context>
    <name>OrdersScreen</name>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="122"/>
        <location filename="../../orderapp/gui/orders_screen.py" line="301"/>
        <location filename="../../orderapp/gui/orders_screen.py" line="321"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="218"/>
        <source>The shop&apos;s settings could not be read; the defaults are used for now.</source>
        <translation>无法读取店铺设置；暂时使用默认设置。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="244"/>
        <source>&amp;New order</source>
        <translation>新建订单(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="246"/>
        <source>Enter a phone, web or other order</source>
        <translation>录入电话、网店或其他订单</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="251"/>
        <source>&amp;Walk-in sale</source>
        <translation>柜台销售(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="253"/>
        <source>Sell at the counter: scan or type the products, then Ctrl+Enter</source>
        <translation>柜台销售：扫描或输入商品，然后按 Ctrl+Enter</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="258"/>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="260"/>
        <source>Find an order by number, customer, phone, SKU or barcode</source>
        <translation>按订单号、客户、电话、货号或条码查找订单</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="265"/>
        <source>&amp;Import orders…</source>
        <translation>导入订单(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="267"/>
        <source>Import a Shopify orders export or the OrderApp CSV template</source>
        <translation>导入 Shopify 订单导出文件或 OrderApp CSV 模板</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="272"/>
        <source>&amp;Confirm selected</source>
        <translation>确认所选(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="274"/>
        <source>Confirm the selected received orders whose stock allows; the rest are listed</source>
        <translation>确认所选的待确认订单中库存足够的；其余的会列出</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="279"/>
        <source>&amp;Edit order</source>
        <translation>编辑订单(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="281"/>
        <source>Open the chosen order for editing (Enter)</source>
        <translation>打开所选订单进行编辑（回车）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="286"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="288"/>
        <source>Read the list again</source>
        <translation>重新读取列表</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="292"/>
        <source>Next tab</source>
        <translation>下一个标签页</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="292"/>
        <source>The next order tab</source>
        <translation>下一个订单标签页</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="296"/>
        <source>Previous tab</source>
        <translation>上一个标签页</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="298"/>
        <source>The previous order tab</source>
        <translation>上一个订单标签页</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="329"/>
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="330"/>
        <source>Every order action, with its keys</source>
        <translation>所有订单操作及其快捷键</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="434"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="437"/>
        <source>No order matches; change the search or the filters.</source>
        <translation>没有匹配的订单；请修改搜索内容或筛选条件。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="439"/>
        <source>No orders yet: press {keys} to enter one.</source>
        <translation>还没有订单：按 {keys} 录入一个。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../orderapp/gui/orders_screen.py" line="442"/>
        <source>%n orders.</source>
        <translation>
            <numerusform>%n 个订单。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../orderapp/gui/orders_screen.py" line="444"/>
        <source>%n orders shown; more load as you scroll.</source>
        <translation>
            <numerusform>已显示 %n 个订单；向下滚动加载更多。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="449"/>
        <source>the database did not answer</source>
        <translation>数据库没有响应</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="453"/>
        <source>The orders could not be read ({reason}); press {keys} to try again.</source>
        <translation>无法读取订单（{reason}）；按 {keys} 重试。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="496"/>
        <source>{number} is now {status}.</source>
        <translation>{number} 现在是“{status}”。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="508"/>
        <source>Choose received orders in the list first (Shift or Ctrl + click, or Shift+arrows).</source>
        <translation>请先在列表中选择待确认的订单（Shift 或 Ctrl + 单击，或 Shift + 方向键）。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="606"/>
        <source>{number} saved, not confirmed: {reason}</source>
        <translation>{number} 已保存，未确认：{reason}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="610"/>
        <source>{number} saved: {status}.</source>
        <translation>{number} 已保存：{status}。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="614"/>
        <source>Sale {number} completed.</source>
        <translation>销售 {number} 已完成。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="646"/>
        <source>An order was left unfinished: {summary} (saved {when}).</source>
        <translation>有一个订单未录完：{summary}（保存于 {when}）。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="649"/>
        <source>&amp;Open it</source>
        <translation>打开它(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="651"/>
        <source>{n} orders were left unfinished; the newest: {summary} (saved {when}).</source>
        <translation>有 {n} 个订单未录完；最新的一个：{summary}（保存于 {when}）。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="654"/>
        <source>&amp;Open one…</source>
        <translation>打开一个(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="689"/>
        <source>{number} is {status} now and can no longer be edited; the unfinished changes stay listed until you discard them.</source>
        <translation>{number} 现在是“{status}”，已不能编辑；未完成的修改会一直列出，直到你放弃它们。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="703"/>
        <source>Discard unfinished orders?</source>
        <translation>放弃未录完的订单？</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="704"/>
        <source>Throw away {n} unfinished orders? What was typed in them is lost.</source>
        <translation>丢弃 {n} 个未录完的订单？其中输入的内容将丢失。</translation>
    </message>
    <message>
        <location filename="../../ui/order_screen.ui" line="93"/>
        <source>Open unfinished &amp;order</source>
        <translation>打开未录完的订单(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/order_screen.ui" line="96"/>
        <source>Carry on with an order that was being typed (Alt+O)</source>
        <translation>继续录入之前未录完的订单 (Alt+O)</translation>
    </message>
    <message>
        <location filename="../../ui/order_screen.ui" line="103"/>
        <source>Discard…</source>
        <translation>放弃…</translation>
    </message>
    <message>
        <location filename="../../ui/order_screen.ui" line="106"/>
        <source>Throw away the unfinished orders listed</source>
        <translation>丢弃列出的未录完订单</translation>
    </message>
    <message>
        <location filename="../../ui/order_screen.ui" line="116"/>
        <source>Find: order number, customer, phone, SKU or barcode (Ctrl+F)</source>
        <translation>查找：订单号、客户、电话、货号或条码 (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/order_screen.ui" line="128"/>
        <source>Finds an order by its number, the customer&apos;s name, a phone number in any format, a SKU or a barcode (Ctrl+F)</source>
        <translation>可按订单号、客户姓名、任意格式的电话号码、货号或条码查找订单 (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/order_screen.ui" line="137"/>
        <source>Show orders in this status</source>
        <translation>显示此状态的订单</translation>
    </message>
    <message>
        <location filename="../../ui/order_screen.ui" line="144"/>
        <source>Show orders that came this way</source>
        <translation>显示来自此渠道的订单</translation>
    </message>
    <message>
        <location filename="../../ui/order_screen.ui" line="151"/>
        <source>Show orders placed in this period</source>
        <translation>显示此期间下的订单</translation>
    </message>
    <message>
        <location filename="../../ui/order_screen.ui" line="164"/>
        <source>First day</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../ui/order_screen.ui" line="177"/>
        <source>Last day</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../../ui/order_screen.ui" line="184"/>
        <source>Urgent or normal orders only</source>
        <translation>只看加急或普通订单</translation>
    </message>
    <message>
        <location filename="../../ui/order_screen.ui" line="191"/>
        <source>O&amp;verdue only</source>
        <translation>只看逾期(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/order_screen.ui" line="194"/>
        <source>Only orders past their due time that have not shipped (Alt+V)</source>
        <translation>只显示已过截止时间且尚未发货的订单（Alt+V）</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <location filename="../../orderapp/gui/packing_dialogs.py" line="133"/>
        <source>Pack without full check</source>
        <translation>未完整核对即打包</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_dialogs.py" line="139"/>
        <source>Only {scanned} of {units} units of order {number} are scanned. Marking it packed now is recorded on the order with your name and your reason.</source>
        <translation>订单 {number} 共 {units} 件，只扫描了 {scanned} 件。现在标记为已打包，会连同你的名字和原因记录在订单上。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_dialogs.py" line="147"/>
        <source>Why? e.g. the label is torn, checked by eye</source>
        <translation>原因？例如：标签破损，已目测核对</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_dialogs.py" line="156"/>
        <source>Mark packed</source>
        <translation>标记为已打包</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_dialogs.py" line="173"/>
        <source>Say why the order is packed without scanning every item.</source>
        <translation>请说明为什么没有扫描每件商品就打包。</translation>
    </message>
</context>
<context>
    <name>PackLinesModel</name>
    <message>
        <location filename="../../orderapp/gui/packing_lines.py" line="60"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_lines.py" line="60"/>
        <source>Bin</source>
        <translation>库位</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_lines.py" line="60"/>
        <source>Scanned</source>
        <translation>已扫描</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_lines.py" line="60"/>
        <source>Ordered</source>
        <translation>订购</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_lines.py" line="88"/>
        <source>{sku} · {name}: {scanned} of {ordered} scanned</source>
        <translation>{sku} · {name}：已扫描 {scanned} / {ordered}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_lines.py" line="92"/>
        <source>{name}, {scanned} of {ordered}</source>
        <translation>{name}，{scanned} / {ordered}</translation>
    </message>
</context>
<context>
    <name>PackingAlert</name>
    <message>
        <location filename="../../orderapp/gui/packing_dialogs.py" line="44"/>
        <source>Stop: check this item</source>
        <translation>停！请检查这件商品</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_dialogs.py" line="70"/>
        <source>I have dealt with it – continue</source>
        <translation>我已处理好 – 继续</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_dialogs.py" line="79"/>
        <source>Click the button or press Esc once the item is out of the box.</source>
        <translation>把商品从箱中取出后，点击按钮或按 Esc。</translation>
    </message>
</context>
<context>
    <name>PackingForm</name>
    <message>
        <location filename="../../ui/packing.ui" line="52"/>
        <source>To pack</source>
        <translation>待打包</translation>
    </message>
    <message>
        <location filename="../../ui/packing.ui" line="55"/>
        <source>heading</source>
        <translation>heading</translation>
    </message>
    <message>
        <location filename="../../ui/packing.ui" line="74"/>
        <source>Orders ready to pack, most urgent first. Double-click one, or scan its packing slip, to open it.</source>
        <translation>可打包的订单，最紧急的在前。双击一个订单，或扫描它的装箱单，即可打开。</translation>
    </message>
    <message>
        <location filename="../../ui/packing.ui" line="95"/>
        <source>Open order</source>
        <translation>打开订单</translation>
    </message>
    <message>
        <location filename="../../ui/packing.ui" line="102"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/packing.ui" line="111"/>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../../ui/packing.ui" line="119"/>
        <source>The camera that reads the barcodes</source>
        <translation>用来读取条码的摄像头</translation>
    </message>
    <message>
        <location filename="../../ui/packing.ui" line="132"/>
        <source>Picture size: larger reads small barcodes from further away, smaller is faster</source>
        <translation>画面尺寸：大一些能从更远处读出小条码，小一些速度更快</translation>
    </message>
    <message>
        <location filename="../../ui/packing.ui" line="141"/>
        <source>Start camera</source>
        <translation>启动摄像头</translation>
    </message>
    <message>
        <location filename="../../ui/packing.ui" line="163"/>
        <source>Camera off</source>
        <translation>摄像头已关闭</translation>
    </message>
    <message>
        <location filename="../../ui/packing.ui" line="218"/>
        <source>No order open</source>
        <translation>未打开订单</translation>
    </message>
    <message>
        <location filename="../../ui/packing.ui" line="327"/>
        <source>Add to count</source>
        <translation>计入</translation>
    </message>
    <message>
        <location filename="../../ui/packing.ui" line="351"/>
        <source>Type a barcode or an order number, then press Enter</source>
        <translation>输入条码或订单号，然后按回车</translation>
    </message>
    <message>
        <location filename="../../ui/packing.ui" line="361"/>
        <source>Enter code</source>
        <translation>输入代码</translation>
    </message>
    <message>
        <location filename="../../ui/packing.ui" line="376"/>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <location filename="../../ui/packing.ui" line="385"/>
        <source>Undo last scan</source>
        <translation>撤销上一次扫描</translation>
    </message>
    <message>
        <location filename="../../ui/packing.ui" line="392"/>
        <source>Mark the order packed although not every item was scanned; you must give a reason</source>
        <translation>未扫描全部商品也标记为已打包；必须填写原因</translation>
    </message>
    <message>
        <location filename="../../ui/packing.ui" line="395"/>
        <source>Pack without full check…</source>
        <translation>未完整核对即打包…</translation>
    </message>
    <message>
        <location filename="../../ui/packing.ui" line="402"/>
        <source>Put the order back in the queue; what is scanned so far is kept</source>
        <translation>把订单放回队列；已扫描的内容会保留</translation>
    </message>
    <message>
        <location filename="../../ui/packing.ui" line="405"/>
        <source>Back to queue</source>
        <translation>放回队列</translation>
    </message>
    <message>
        <location filename="../../ui/packing.ui" line="412"/>
        <source>A chirp for a good scan and a buzz for a refused one</source>
        <translation>扫描成功时“嘀”一声，被拒绝时“嗡”一声</translation>
    </message>
    <message>
        <location filename="../../ui/packing.ui" line="415"/>
        <source>Sound</source>
        <translation>声音</translation>
    </message>
</context>
<context>
    <name>PackingScreen</name>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="223"/>
        <location filename="../../orderapp/gui/packing_screen.py" line="853"/>
        <source>Looking for cameras…</source>
        <translation>正在查找摄像头…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="253"/>
        <source>Take back the last item counted ({shortcut})</source>
        <translation>撤回上一件计入的商品 ({shortcut})</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="298"/>
        <source>{number} resumed where you left off: {scanned} of {units} scanned.</source>
        <translation>{number} 已从上次中断处继续：已扫描 {scanned} / {units}。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="306"/>
        <source>No order open</source>
        <translation>未打开订单</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="309"/>
        <source>Scan an order&apos;s packing slip, or choose an order from the list.</source>
        <translation>扫描订单的装箱单，或从列表中选择一个订单。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="321"/>
        <source>URGENT</source>
        <translation>加急</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="325"/>
        <location filename="../../orderapp/gui/packing_screen.py" line="587"/>
        <source>Scan the items of {number}.</source>
        <translation>请扫描 {number} 的商品。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="334"/>
        <source>{scanned} / {units} units</source>
        <translation>{scanned} / {units} 件</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="353"/>
        <source>{product}: how many more are in the box?</source>
        <translation>{product}：箱里还有多少件？</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="442"/>
        <source>That did not work ({kind}); nothing was counted. Try again.</source>
        <translation>操作未成功（{kind}）；没有计数。请重试。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="524"/>
        <source>Type the digits under the barcode, or the order number on the slip.</source>
        <translation>输入条码下方的数字，或装箱单上的订单号。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="567"/>
        <source>Already complete</source>
        <translation>已经齐了</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="568"/>
        <source>Not on this order</source>
        <translation>不在此订单中</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="569"/>
        <source>Unknown barcode</source>
        <translation>未知条码</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="570"/>
        <source>Misread barcode</source>
        <translation>条码读错</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="572"/>
        <source>Check this item</source>
        <translation>请检查这件商品</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="589"/>
        <source>Scans made while the alert was up were not counted: scan those items again.</source>
        <translation>提醒弹出期间的扫描没有计入：请重新扫描那些商品。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="597"/>
        <source>{number} is packed.</source>
        <translation>{number} 已打包。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="599"/>
        <source>Next: {number}. Scan its slip or press Open next.</source>
        <translation>下一个：{number}。扫描它的装箱单，或按“打开下一个”。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="600"/>
        <source>Open next: {number}</source>
        <translation>打开下一个：{number}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="603"/>
        <source>No more orders are waiting.</source>
        <translation>没有等待打包的订单了。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="705"/>
        <source>{number} is marked packed without full check; your reason is on the order.</source>
        <translation>{number} 已在未完整核对的情况下标记为已打包；你的原因已记录在订单上。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="709"/>
        <source>Next: {number}.</source>
        <translation>下一个：{number}。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="720"/>
        <source>The order could not be marked packed; try again.</source>
        <translation>无法将订单标记为已打包；请重试。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="726"/>
        <source>Order open at another station</source>
        <translation>订单已在其他打包台打开</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="732"/>
        <source>Open it here</source>
        <translation>在这里打开</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="733"/>
        <source>Leave it</source>
        <translation>不打开</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="753"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="753"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="753"/>
        <source>Items</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="774"/>
        <source>{number} (urgent)</source>
        <translation>{number}（加急）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="779"/>
        <source>Waiting since {when}</source>
        <translation>等待自 {when}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="781"/>
        <source>Due {when}</source>
        <translation>截止 {when}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="783"/>
        <source>Open at {station}</source>
        <translation>已在 {station} 打开</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="787"/>
        <source>{scanned}/{units} units</source>
        <translation>{scanned}/{units} 件</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="789"/>
        <source>1 unit</source>
        <translation>1 件</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="789"/>
        <source>{units} units</source>
        <translation>{units} 件</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="791"/>
        <source>at {station}</source>
        <translation>在 {station}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="795"/>
        <source>{count} waiting</source>
        <translation>{count} 个等待中</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="811"/>
        <source>The list could not be loaded ({reason}).</source>
        <translation>无法加载列表（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="826"/>
        <source>No camera found</source>
        <translation>未找到摄像头</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="830"/>
        <source>No camera was found. Plug in a webcam and press Start camera; a USB scanner or typed codes work meanwhile.</source>
        <translation>未找到摄像头。请插上摄像头后按“启动摄像头”；在此之前可以用 USB 扫码枪或手动输入代码。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="860"/>
        <location filename="../../orderapp/gui/packing_screen.py" line="908"/>
        <source>Starting the camera…</source>
        <translation>正在启动摄像头…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="873"/>
        <source>Camera off</source>
        <translation>摄像头已关闭</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="879"/>
        <source>Stop camera</source>
        <translation>停止摄像头</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="879"/>
        <source>Start camera</source>
        <translation>启动摄像头</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="930"/>
        <source>Hold steady…</source>
        <translation>请保持稳定…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="936"/>
        <source>Read {code}</source>
        <translation>读到 {code}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="943"/>
        <source>No picture</source>
        <translation>无画面</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="948"/>
        <source>A USB scanner or typed codes work meanwhile.</source>
        <translation>在此期间可以用 USB 扫码枪或手动输入代码。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="954"/>
        <source>The camera is back; scanning goes on.</source>
        <translation>摄像头已恢复；继续扫描。</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="113"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="113"/>
        <source>SKU</source>
        <translation>货号</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="113"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="113"/>
        <source>What happens</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="138"/>
        <source>New product</source>
        <translation>新商品</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="141"/>
        <source>Update: {changed}</source>
        <translation>更新：{changed}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="143"/>
        <source>Unchanged</source>
        <translation>不变</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="144"/>
        <source>Not imported: has a problem</source>
        <translation>不导入：有问题</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <location filename="../../orderapp/gui/print_preview.py" line="107"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/print_preview.py" line="176"/>
        <source>The PDF could not be read for printing.</source>
        <translation>无法读取要打印的 PDF。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/print_preview.py" line="181"/>
        <source>The printer could not be started; check that it is switched on and try again.</source>
        <translation>无法启动打印机；请检查打印机是否已开机，然后重试。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/print_preview.py" line="251"/>
        <source>{count} pages</source>
        <translation>共 {count} 页</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/print_preview.py" line="253"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/print_preview.py" line="256"/>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/print_preview.py" line="259"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/print_preview.py" line="302"/>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/print_preview.py" line="317"/>
        <source>Printing failed</source>
        <translation>打印失败</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/print_preview.py" line="323"/>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/print_preview.py" line="323"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/print_preview.py" line="334"/>
        <source>The PDF was not saved</source>
        <translation>PDF 未保存</translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="167"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="167"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="167"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="176"/>
        <source>file</source>
        <translation>文件</translation>
    </message>
</context>
<context>
    <name>ProductAdjustForm</name>
    <message>
        <location filename="../../ui/product_adjust.ui" line="37"/>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/product_adjust.ui" line="53"/>
        <source>&amp;Units</source>
        <translation>数量(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/product_adjust.ui" line="82"/>
        <source>Re&amp;ference</source>
        <translation>单据号(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/product_adjust.ui" line="98"/>
        <source>Optional, e.g. a damage report number</source>
        <translation>选填，例如报损单号</translation>
    </message>
    <message>
        <location filename="../../ui/product_adjust.ui" line="118"/>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/product_adjust.ui" line="131"/>
        <source>What happened</source>
        <translation>发生了什么</translation>
    </message>
    <message>
        <location filename="../../ui/product_adjust.ui" line="188"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/product_adjust.ui" line="195"/>
        <source>&amp;Adjust</source>
        <translation>调整(&amp;A)</translation>
    </message>
</context>
<context>
    <name>ProductEntry</name>
    <message>
        <location filename="../../orderapp/gui/order_products.py" line="115"/>
        <source>Several products match “{text}”; pick one from the list.</source>
        <translation>有多个商品匹配“{text}”；请从列表中选择一个。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_products.py" line="119"/>
        <source>No product has the SKU or barcode “{code}”; check it, or search by name.</source>
        <translation>没有商品的货号或条码是“{code}”；请检查，或按名称搜索。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_products.py" line="123"/>
        <source>The scanned code “{code}” is not in the catalogue; check the product.</source>
        <translation>扫描到的代码“{code}”不在商品目录中；请检查该商品。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_products.py" line="129"/>
        <source>“{name}” is no longer sold; choose another product.</source>
        <translation>“{name}”已停售；请选择其他商品。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_products.py" line="171"/>
        <source>{sku} · {name} · {price} · {available} available</source>
        <translation>{sku} · {name} · {price} · 可用 {available}</translation>
    </message>
</context>
<context>
    <name>ProductExport</name>
    <message>
        <location filename="../../orderapp/gui/product_export_dialog.py" line="73"/>
        <source>CSV, UTF-8 (opens in Excel, Chinese intact) (*.csv)</source>
        <translation>CSV，UTF-8（可在 Excel 中打开，中文不乱码） (*.csv)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_export_dialog.py" line="74"/>
        <source>CSV, GB18030 (older Excel on a Chinese Windows) (*.csv)</source>
        <translation>CSV，GB18030（中文 Windows 上的旧版 Excel） (*.csv)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_export_dialog.py" line="77"/>
        <location filename="../../orderapp/gui/product_export_dialog.py" line="97"/>
        <source>Export products</source>
        <translation>导出商品</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_export_dialog.py" line="90"/>
        <source>Exporting products…</source>
        <translation>正在导出商品…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_export_dialog.py" line="91"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
</context>
<context>
    <name>ProductForm</name>
    <message>
        <location filename="../../ui/product_form.ui" line="40"/>
        <source>S&amp;KU</source>
        <translation>货号(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/product_form.ui" line="56"/>
        <source>Your own code for it, e.g. TEA-001</source>
        <translation>你自己的商品编码，例如 TEA-001</translation>
    </message>
    <message>
        <location filename="../../ui/product_form.ui" line="76"/>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/product_form.ui" line="89"/>
        <source>As customers and staff know it</source>
        <translation>顾客和店员熟悉的叫法</translation>
    </message>
    <message>
        <location filename="../../ui/product_form.ui" line="109"/>
        <source>&amp;Category</source>
        <translation>分类(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/product_form.ui" line="122"/>
        <source>e.g. Tea</source>
        <translation>例如 茶叶</translation>
    </message>
    <message>
        <location filename="../../ui/product_form.ui" line="142"/>
        <source>&amp;Location</source>
        <translation>库位(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/product_form.ui" line="155"/>
        <source>Shelf or bin, e.g. A-03-2</source>
        <translation>货架或货位，例如 A-03-2</translation>
    </message>
    <message>
        <location filename="../../ui/product_form.ui" line="175"/>
        <source>&amp;Unit</source>
        <translation>单位(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/product_form.ui" line="188"/>
        <source>e.g. box, bag, piece</source>
        <translation>例如 盒、袋、件</translation>
    </message>
    <message>
        <location filename="../../ui/product_form.ui" line="208"/>
        <source>&amp;Price</source>
        <translation>售价(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/product_form.ui" line="221"/>
        <source>Selling price, e.g. 12.50</source>
        <translation>销售价格，例如 12.50</translation>
    </message>
    <message>
        <location filename="../../ui/product_form.ui" line="241"/>
        <source>C&amp;ost</source>
        <translation>成本(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/product_form.ui" line="254"/>
        <source>What you pay for it, e.g. 8.00</source>
        <translation>你的进货价，例如 8.00</translation>
    </message>
    <message>
        <location filename="../../ui/product_form.ui" line="274"/>
        <source>Reo&amp;rder point</source>
        <translation>补货点(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/product_form.ui" line="287"/>
        <source>Reorder when available falls to this</source>
        <translation>可用数量降到此值时补货</translation>
    </message>
    <message>
        <location filename="../../ui/product_form.ui" line="307"/>
        <source>Reorder &amp;quantity</source>
        <translation>补货数量(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/product_form.ui" line="320"/>
        <source>How many to order then</source>
        <translation>届时订购多少</translation>
    </message>
    <message>
        <location filename="../../ui/product_form.ui" line="340"/>
        <source>Acti&amp;ve (can be sold and counted)</source>
        <translation>启用(&amp;V)（可销售和盘点）</translation>
    </message>
    <message>
        <location filename="../../ui/product_form.ui" line="352"/>
        <source>Barcodes</source>
        <translation>条码</translation>
    </message>
    <message>
        <location filename="../../ui/product_form.ui" line="378"/>
        <source>Add &amp;barcode</source>
        <translation>添加条码(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/product_form.ui" line="385"/>
        <source>A case barcode counts as its pack quantity when scanned. A product saved without a barcode gets an in-store code (starting 20).</source>
        <translation>扫描整箱条码时按其装箱数量计数。没有条码的商品保存时会自动获得一个店内码（以 20 开头）。</translation>
    </message>
    <message>
        <location filename="../../ui/product_form.ui" line="441"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/product_form.ui" line="448"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
</context>
<context>
    <name>ProductFormDialog</name>
    <message>
        <location filename="../../orderapp/gui/product_form.py" line="257"/>
        <source>Discard changes?</source>
        <translation>放弃修改？</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_form.py" line="259"/>
        <source>Your changes to this product have not been saved. Discard them?</source>
        <translation>对这个商品的修改还没有保存。要放弃吗？</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_form.py" line="261"/>
        <source>This new product has not been saved. Discard it?</source>
        <translation>这个新商品还没有保存。要放弃吗？</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_form.py" line="263"/>
        <source>&amp;Discard</source>
        <translation>放弃(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_form.py" line="265"/>
        <source>&amp;Keep editing</source>
        <translation>继续编辑(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_form.py" line="296"/>
        <location filename="../../orderapp/gui/product_form.py" line="297"/>
        <source>New product</source>
        <translation>新商品</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_form.py" line="298"/>
        <source>Stock starts at 0; receive a delivery to add units.</source>
        <translation>库存从 0 开始；收货入库即可增加数量。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_form.py" line="304"/>
        <source>Product {sku}</source>
        <translation>商品 {sku}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_form.py" line="308"/>
        <source>On hand {on_hand} · reserved {reserved} · available {available}. Stock changes through receiving, adjusting and counts, not here.</source>
        <translation>在库 {on_hand} · 预留 {reserved} · 可用 {available}。库存只能通过入库、调整和盘点改变，不能在这里修改。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_form.py" line="445"/>
        <source>The product could not be checked: {reason}</source>
        <translation>无法检查商品：{reason}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_form.py" line="491"/>
        <source>Fix the fields marked in red first.</source>
        <translation>请先修正标红的字段。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_form.py" line="553"/>
        <source>The product was not saved: {reason}</source>
        <translation>商品未保存：{reason}</translation>
    </message>
</context>
<context>
    <name>ProductHistoryForm</name>
    <message>
        <location filename="../../ui/product_history.ui" line="70"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>ProductImportDialog</name>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="201"/>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="271"/>
        <source>Import products</source>
        <translation>导入商品</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="231"/>
        <source>Recognise the encoding</source>
        <translation>自动识别编码</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="232"/>
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="233"/>
        <source>UTF-8 with BOM</source>
        <translation>UTF-8（带 BOM）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="234"/>
        <source>GB18030 / GBK (Excel on a Chinese Windows)</source>
        <translation>GB18030 / GBK（中文 Windows 上的 Excel）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="235"/>
        <source>UTF-16</source>
        <translation>UTF-16</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="246"/>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="246"/>
        <source>Product field</source>
        <translation>商品字段</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="264"/>
        <source>Choose the file to import.</source>
        <translation>请选择要导入的文件。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="271"/>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV 文件 (*.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="294"/>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="310"/>
        <source>(no name)</source>
        <translation>（无名称）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="314"/>
        <source>Ignore this column</source>
        <translation>忽略此列</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="384"/>
        <source>Checking the file…</source>
        <translation>正在检查文件…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="384"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="396"/>
        <source>Writing %v of %m</source>
        <translation>正在写入 %v / %m</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="398"/>
        <source>Checking row %v of %m</source>
        <translation>正在检查第 %v / %m 行</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="407"/>
        <source>Problems ({count})</source>
        <translation>问题（{count}）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="408"/>
        <source>Rows ({count})</source>
        <translation>行（{count}）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="425"/>
        <source>Nothing has been written yet. Import would add {new} new products and update {updated}; {unchanged} are unchanged.</source>
        <translation>尚未写入任何内容。导入将新增 {new} 个商品，更新 {updated} 个；{unchanged} 个不变。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="430"/>
        <source>{problems} problem(s) in {skipped} row(s): fix them in the file and choose it again, or tick “Import the valid rows only”.</source>
        <translation>{skipped} 行中有 {problems} 个问题：请在文件中修正后重新选择，或勾选“只导入有效的行”。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="434"/>
        <source>Ignored columns: {columns}.</source>
        <translation>忽略的列：{columns}。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="443"/>
        <source>Stopped; nothing was written.</source>
        <translation>已停止；没有写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="451"/>
        <source>The import failed: {reason}</source>
        <translation>导入失败：{reason}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="473"/>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="74"/>
        <source>SKU</source>
        <translation>货号</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="75"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="76"/>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="77"/>
        <source>Location</source>
        <translation>库位</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="78"/>
        <source>Unit</source>
        <translation>单件</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="79"/>
        <source>Price</source>
        <translation>售价</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="80"/>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="81"/>
        <source>Reorder point</source>
        <translation>补货点</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="82"/>
        <source>Reorder quantity</source>
        <translation>补货数量</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="83"/>
        <source>Barcodes (unit)</source>
        <translation>条码（单件）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="84"/>
        <source>Case barcodes</source>
        <translation>整箱条码</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="85"/>
        <source>Units per case</source>
        <translation>每箱件数</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="86"/>
        <source>In-store barcodes</source>
        <translation>店内码</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="87"/>
        <source>Active (yes/no)</source>
        <translation>启用（是/否）</translation>
    </message>
</context>
<context>
    <name>ProductImportForm</name>
    <message>
        <location filename="../../ui/product_import.ui" line="9"/>
        <source>Choose a CSV file (an exported product list is the template). Nothing is written until you press Import, and nothing at all while the file has problems, unless you choose to import the valid rows only.</source>
        <translation>选择一个 CSV 文件（导出的商品列表即是模板）。按“导入”之前不会写入任何内容；文件有问题时也不会写入，除非你选择只导入有效的行。</translation>
    </message>
    <message>
        <location filename="../../ui/product_import.ui" line="24"/>
        <source>No file chosen</source>
        <translation>未选择文件</translation>
    </message>
    <message>
        <location filename="../../ui/product_import.ui" line="31"/>
        <source>How the file&apos;s text is encoded</source>
        <translation>文件文本的编码方式</translation>
    </message>
    <message>
        <location filename="../../ui/product_import.ui" line="38"/>
        <source>&amp;Choose file…</source>
        <translation>选择文件(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ui/product_import.ui" line="47"/>
        <source>Which product field each column of the file holds (Ignore skips a column):</source>
        <translation>文件中每一列对应哪个商品字段（选“忽略”即跳过该列）：</translation>
    </message>
    <message>
        <location filename="../../ui/product_import.ui" line="92"/>
        <source>&amp;Rows</source>
        <translation>行(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/product_import.ui" line="106"/>
        <source>Pro&amp;blems</source>
        <translation>问题(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/product_import.ui" line="114"/>
        <source>Import the &amp;valid rows only, and skip the rows with problems</source>
        <translation>只导入有效的行，跳过有问题的行(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/product_import.ui" line="130"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../ui/product_import.ui" line="154"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/product_import.ui" line="161"/>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
</context>
<context>
    <name>ProductListForm</name>
    <message>
        <location filename="../../ui/product_list.ui" line="21"/>
        <source>Inventory</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../ui/product_list.ui" line="38"/>
        <source>&amp;Products</source>
        <translation>商品(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/product_list.ui" line="47"/>
        <source>Search SKU, name or barcode (or scan)</source>
        <translation>搜索货号、名称或条码（或扫描）</translation>
    </message>
    <message>
        <location filename="../../ui/product_list.ui" line="56"/>
        <source>Only products of this category</source>
        <translation>只看此分类的商品</translation>
    </message>
    <message>
        <location filename="../../ui/product_list.ui" line="66"/>
        <source>Only products in this location and the bins under it (A finds A-03-2)</source>
        <translation>只看此库位及其下货位的商品（A 可找到 A-03-2）</translation>
    </message>
    <message>
        <location filename="../../ui/product_list.ui" line="76"/>
        <source>&amp;Low stock only</source>
        <translation>只看库存不足(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/product_list.ui" line="107"/>
        <source>&amp;New product…</source>
        <translation>新建商品(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ui/product_list.ui" line="114"/>
        <source>&amp;Receive delivery…</source>
        <translation>收货入库(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/product_list.ui" line="121"/>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../ui/product_list.ui" line="128"/>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../ui/product_list.ui" line="208"/>
        <source>On hand</source>
        <translation>在库</translation>
    </message>
    <message>
        <location filename="../../ui/product_list.ui" line="215"/>
        <source>Reserved</source>
        <translation>预留</translation>
    </message>
    <message>
        <location filename="../../ui/product_list.ui" line="222"/>
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <location filename="../../ui/product_list.ui" line="293"/>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/product_list.ui" line="300"/>
        <source>Recei&amp;ve stock…</source>
        <translation>入库(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../ui/product_list.ui" line="307"/>
        <source>&amp;Adjust stock…</source>
        <translation>调整库存(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/product_list.ui" line="314"/>
        <source>&amp;Movement history…</source>
        <translation>变动记录(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../ui/product_list.ui" line="321"/>
        <source>&amp;Deactivate</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/product_list.ui" line="328"/>
        <source>Dele&amp;te</source>
        <translation>删除(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/product_list.ui" line="366"/>
        <source>Re&amp;order list</source>
        <translation>补货清单(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/product_list.ui" line="374"/>
        <source>Products at or below their reorder point, emptiest first, with how many to order (rounded up to whole cases).</source>
        <translation>不高于补货点的商品，最缺的在前，并列出应订购的数量（按整箱向上取整）。</translation>
    </message>
    <message>
        <location filename="../../ui/product_list.ui" line="384"/>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/product_list.ui" line="391"/>
        <source>Export &amp;CSV…</source>
        <translation>导出 CSV(&amp;C)…</translation>
    </message>
</context>
<context>
    <name>ProductReceiveForm</name>
    <message>
        <location filename="../../ui/product_receive.ui" line="9"/>
        <source>Scan each item or case, or type its barcode or SKU and press Enter. Change a quantity in the list when you count by hand.</source>
        <translation>逐件或逐箱扫描，或输入条码或货号后按回车。手工点数时可直接修改列表中的数量。</translation>
    </message>
    <message>
        <location filename="../../ui/product_receive.ui" line="24"/>
        <source>Scan, or type a barcode or SKU and press Enter</source>
        <translation>扫描，或输入条码或货号后按回车</translation>
    </message>
    <message>
        <location filename="../../ui/product_receive.ui" line="31"/>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/product_receive.ui" line="87"/>
        <source>Supplier re&amp;ference</source>
        <translation>供应商单号(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/product_receive.ui" line="103"/>
        <source>Delivery note or invoice number</source>
        <translation>送货单号或发票号</translation>
    </message>
    <message>
        <location filename="../../ui/product_receive.ui" line="123"/>
        <source>N&amp;ote</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/product_receive.ui" line="136"/>
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <location filename="../../ui/product_receive.ui" line="180"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/product_receive.ui" line="190"/>
        <source>&amp;Receive</source>
        <translation>入库(&amp;R)</translation>
    </message>
</context>
<context>
    <name>ProductTableModel</name>
    <message>
        <location filename="../../orderapp/gui/product_table.py" line="233"/>
        <source>SKU</source>
        <translation>货号</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_table.py" line="234"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_table.py" line="235"/>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_table.py" line="236"/>
        <source>Location</source>
        <translation>库位</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_table.py" line="237"/>
        <source>Price</source>
        <translation>售价</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_table.py" line="238"/>
        <source>On hand</source>
        <translation>在库</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_table.py" line="239"/>
        <source>Reserved</source>
        <translation>预留</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_table.py" line="240"/>
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_table.py" line="241"/>
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_table.py" line="256"/>
        <source>Inactive: not sold, kept for its history</source>
        <translation>已停用：不再销售，为保留历史记录而保存</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_table.py" line="258"/>
        <source>At or below the reorder point ({point})</source>
        <translation>不高于补货点（{point}）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_table.py" line="267"/>
        <source>{name} (inactive)</source>
        <translation>{name}（已停用）</translation>
    </message>
</context>
<context>
    <name>ReceiveDialog</name>
    <message>
        <location filename="../../orderapp/gui/stock_dialogs.py" line="85"/>
        <source>Receive stock</source>
        <translation>收货入库</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_dialogs.py" line="118"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_dialogs.py" line="118"/>
        <source>Units received</source>
        <translation>入库数量</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_dialogs.py" line="118"/>
        <source>On hand now</source>
        <translation>当前在库</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_dialogs.py" line="145"/>
        <source>Scan a barcode, or type a barcode or SKU and press Enter.</source>
        <translation>扫描条码，或输入条码或货号后按回车。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_dialogs.py" line="182"/>
        <source>No product has the code {code}. Check that it was read right, or add the code to its product first.</source>
        <translation>没有商品使用代码 {code}。请检查是否读对，或先把该代码添加到对应商品。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_dialogs.py" line="189"/>
        <source> (a case of {units})</source>
        <translation>（一箱 {units} 件）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_dialogs.py" line="191"/>
        <source>{name}: {qty} units{case}</source>
        <translation>{name}：{qty} 件{case}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_dialogs.py" line="192"/>
        <source>inactive product</source>
        <translation>已停用的商品</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_dialogs.py" line="226"/>
        <source>{on_hand} (available {available})</source>
        <translation>{on_hand}（可用 {available}）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_dialogs.py" line="232"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message numerus="yes">
        <location filename="../../orderapp/gui/stock_dialogs.py" line="249"/>
        <source>%n products</source>
        <translation>
            <numerusform>%n 个商品</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_dialogs.py" line="251"/>
        <source>{products}, {units} in all</source>
        <translation>共 {products}，{units}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../orderapp/gui/stock_dialogs.py" line="251"/>
        <source>%n units</source>
        <translation>
            <numerusform>%n 件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_dialogs.py" line="307"/>
        <source>Nothing was received: {reason}</source>
        <translation>未入库：{reason}</translation>
    </message>
</context>
<context>
    <name>ReorderList</name>
    <message>
        <location filename="../../orderapp/gui/stock_reorder.py" line="42"/>
        <source>SKU</source>
        <translation>货号</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_reorder.py" line="43"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_reorder.py" line="44"/>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_reorder.py" line="45"/>
        <source>Location</source>
        <translation>库位</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_reorder.py" line="46"/>
        <source>On hand</source>
        <translation>在库</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_reorder.py" line="47"/>
        <source>Reserved</source>
        <translation>预留</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_reorder.py" line="48"/>
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_reorder.py" line="49"/>
        <source>Reorder point</source>
        <translation>补货点</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_reorder.py" line="50"/>
        <source>Reorder qty</source>
        <translation>补货数量</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_reorder.py" line="51"/>
        <source>Units per case</source>
        <translation>每箱件数</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_reorder.py" line="52"/>
        <source>Order</source>
        <translation>建议订购</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_reorder.py" line="63"/>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_reorder.py" line="71"/>
        <source>{units} ({cases} cases)</source>
        <translation>{units}（{cases} 箱）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../orderapp/gui/stock_reorder.py" line="94"/>
        <source>%n products to reorder.</source>
        <translation>
            <numerusform>%n 个商品需要补货。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_reorder.py" line="96"/>
        <source>Nothing to reorder: every product is above its reorder point.</source>
        <translation>无需补货：所有商品都高于补货点。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_reorder.py" line="103"/>
        <source>Export the reorder list</source>
        <translation>导出补货清单</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_reorder.py" line="103"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_reorder.py" line="110"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_reorder.py" line="119"/>
        <source>{rows} products written to {path}.</source>
        <translation>已将 {rows} 个商品写入 {path}。</translation>
    </message>
</context>
<context>
    <name>ReportsForm</name>
    <message>
        <location filename="../../ui/reports.ui" line="17"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="26"/>
        <source>heading</source>
        <translation>heading</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="34"/>
        <source>Daily summary</source>
        <translation>每日汇总</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="42"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="55"/>
        <source>The shop&apos;s local day to sum up</source>
        <translation>要汇总的店铺当地日期</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="62"/>
        <source>◀ Day before</source>
        <translation>◀ 前一天</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="69"/>
        <source>Day after ▶</source>
        <translation>后一天 ▶</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="76"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="96"/>
        <source>Preview…</source>
        <translation>预览…</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="99"/>
        <source>See the printed summary</source>
        <translation>查看打印出的汇总</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="106"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="109"/>
        <source>Print the summary with the system&apos;s print dialog</source>
        <translation>用系统打印对话框打印汇总</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="116"/>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="131"/>
        <location filename="../../ui/reports.ui" line="292"/>
        <location filename="../../ui/reports.ui" line="376"/>
        <location filename="../../ui/reports.ui" line="445"/>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="171"/>
        <source>Sales by hour (net)</source>
        <translation>每小时销售额（净额）</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="174"/>
        <location filename="../../ui/reports.ui" line="194"/>
        <source>subheading</source>
        <translation>subheading</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="191"/>
        <source>Top 10 products</source>
        <translation>销量前 10 的商品</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="219"/>
        <source>Slips, pick lists and labels</source>
        <translation>装箱单、拣货单和标签</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="225"/>
        <source>Packing slips and pick lists</source>
        <translation>装箱单和拣货单</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="231"/>
        <source>Every order that is</source>
        <translation>所有订单，状态为</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="241"/>
        <source>Make slips…</source>
        <translation>生成装箱单…</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="244"/>
        <source>Slips for every order in this status, in one PDF</source>
        <translation>为此状态的所有订单生成装箱单，合并为一个 PDF</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="251"/>
        <source>Order numbers</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="258"/>
        <source>e.g. SO-000123, SO-000124</source>
        <translation>例如 SO-000123, SO-000124</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="270"/>
        <source>Slips for these orders…</source>
        <translation>为这些订单生成装箱单…</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="277"/>
        <source>Pick list for these orders…</source>
        <translation>为这些订单生成拣货单…</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="302"/>
        <source>Product and shelf labels</source>
        <translation>商品和货架标签</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="308"/>
        <source>SKUs</source>
        <translation>货号</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="315"/>
        <source>e.g. TEA-000001, TEA-000002</source>
        <translation>例如 TEA-000001, TEA-000002</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="325"/>
        <source>Sheet</source>
        <translation>纸张</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="335"/>
        <source>Shelf labels (with the bin location)</source>
        <translation>货架标签（含库位）</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="344"/>
        <source>Copies</source>
        <translation>份数</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="363"/>
        <source>Make labels…</source>
        <translation>生成标签…</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="386"/>
        <source>How slips are printed</source>
        <translation>装箱单打印方式</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="392"/>
        <source>Slip paper</source>
        <translation>装箱单纸张</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="402"/>
        <source>Show prices (untick for gift slips)</source>
        <translation>显示价格（送礼时取消勾选）</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="409"/>
        <source>Lists and reports</source>
        <translation>清单和报表</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="419"/>
        <source>Slip footer</source>
        <translation>装箱单页脚</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="426"/>
        <source>e.g. your returns policy; printed at the foot of every slip</source>
        <translation>例如退货政策；打印在每张装箱单底部</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="462"/>
        <source>Save these settings</source>
        <translation>保存这些设置</translation>
    </message>
</context>
<context>
    <name>ReportsScreen</name>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="211"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="211"/>
        <source>Units</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="211"/>
        <source>Net</source>
        <translation>净额</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="232"/>
        <source>Counting {day}…</source>
        <translation>正在统计 {day}…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="251"/>
        <source>{day}, in the shop&apos;s time zone ({zone}).</source>
        <translation>{day}，按店铺时区（{zone}）。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="257"/>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="259"/>
        <source>Day before
{day}</source>
        <translation>前一天
{day}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="260"/>
        <source>Week before
{day}</source>
        <translation>上周同日
{day}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="288"/>
        <source>Sales by hour (net, {currency})</source>
        <translation>每小时销售额（净额，{currency}）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="308"/>
        <source>The figures for {day} could not be counted ({reason}).</source>
        <translation>无法统计 {day} 的数据（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="336"/>
        <source>Daily summary {day}</source>
        <translation>每日汇总 {day}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="360"/>
        <source>A4, 3 × 8 labels (70 × 37 mm)</source>
        <translation>A4，3 × 8 标签（70 × 37 毫米）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="361"/>
        <source>Letter, Avery 5160 (30 labels)</source>
        <translation>Letter，Avery 5160（30 张标签）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="362"/>
        <source>Label printer, 50 × 30 mm</source>
        <translation>标签打印机，50 × 30 毫米</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="371"/>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="372"/>
        <source>A5</source>
        <translation>A5</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="373"/>
        <source>Letter</source>
        <translation>Letter（美式信纸）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="374"/>
        <source>4 × 6 in label</source>
        <translation>4 × 6 英寸标签</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="419"/>
        <source>Saved. Slips are now printed this way.</source>
        <translation>已保存。装箱单将按此方式打印。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="430"/>
        <source>Not saved: put right what is marked.</source>
        <translation>未保存：请修正标出的内容。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="465"/>
        <source>No orders are {status} at the moment, so there are no slips to print.</source>
        <translation>目前没有“{status}”的订单，所以没有装箱单可打印。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="474"/>
        <source>Packing slips: {status}</source>
        <translation>装箱单：{status}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="484"/>
        <source>Type one or more order numbers, e.g. SO-000123.</source>
        <translation>请输入一个或多个订单号，例如 SO-000123。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="496"/>
        <source>Packing slips</source>
        <translation>装箱单</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="516"/>
        <source>Pick list</source>
        <translation>拣货单</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="524"/>
        <source>Type one or more SKUs, e.g. TEA-000001.</source>
        <translation>请输入一个或多个货号，例如 TEA-000001。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="541"/>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="553"/>
        <source>Making {title}…</source>
        <translation>正在生成{title}…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="556"/>
        <source>Stopped; nothing was made.</source>
        <translation>已停止；没有生成任何内容。</translation>
    </message>
</context>
<context>
    <name>ReviewModel</name>
    <message>
        <location filename="../../orderapp/gui/count_lines.py" line="196"/>
        <source>large difference</source>
        <translation>差异较大</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_lines.py" line="198"/>
        <source>stock moved while counting</source>
        <translation>盘点期间库存有变动</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_lines.py" line="199"/>
        <source>Recount: {reasons}</source>
        <translation>复盘：{reasons}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_lines.py" line="210"/>
        <source>Check</source>
        <translation>标记</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_lines.py" line="211"/>
        <source>Location</source>
        <translation>库位</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_lines.py" line="212"/>
        <source>SKU</source>
        <translation>货号</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_lines.py" line="213"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_lines.py" line="214"/>
        <source>Counted</source>
        <translation>已盘</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_lines.py" line="215"/>
        <source>Expected</source>
        <translation>应有</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_lines.py" line="216"/>
        <source>Difference</source>
        <translation>差异</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_lines.py" line="217"/>
        <source>Value</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_lines.py" line="218"/>
        <source>Round</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_lines.py" line="219"/>
        <source>On hand now</source>
        <translation>当前在库</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_lines.py" line="242"/>
        <source>The first count is far from what the ledger expected, or stock moved while it was counted: count it again before posting.</source>
        <translation>首次盘点与账面应有数量相差很大，或盘点期间库存有变动：请在提交前重新盘点。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_lines.py" line="257"/>
        <source>not counted</source>
        <translation>未盘</translation>
    </message>
</context>
<context>
    <name>SalesByHourChart</name>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="73"/>
        <source>Busiest hour: {hour}:00, {amount}</source>
        <translation>最忙时段：{hour}:00，{amount}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="75"/>
        <location filename="../../orderapp/gui/reports_screen.py" line="128"/>
        <source>No sales this day</source>
        <translation>当天没有销售</translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <location filename="../../ui/settings.ui" line="29"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="39"/>
        <source>The shop&apos;s details are printed on packing slips and summaries.</source>
        <translation>店铺信息会打印在装箱单和汇总上。</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="49"/>
        <source>Shop details</source>
        <translation>店铺信息</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="60"/>
        <source>Shop &amp;name</source>
        <translation>店铺名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="73"/>
        <source>As printed on slips, e.g. Lotus Tea House</source>
        <translation>与装箱单上印的一致，例如 莲花茶舍</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="96"/>
        <source>&amp;Address</source>
        <translation>地址(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="118"/>
        <source>Street, city and postcode, one line each</source>
        <translation>街道、城市和邮编，每项一行</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="138"/>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="151"/>
        <source>With area code, e.g. 021 6123 4567</source>
        <translation>带区号，例如 021 6123 4567</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="171"/>
        <source>&amp;Currency</source>
        <translation>货币(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="190"/>
        <source>The three-letter code of the shop&apos;s money, e.g. CNY</source>
        <translation>店铺货币的三字母代码，例如 CNY</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="210"/>
        <source>&amp;Time zone</source>
        <translation>时区(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="229"/>
        <source>Type part of a city to find it, e.g. Shanghai; the shop&apos;s days start at its midnight</source>
        <translation>输入部分城市名即可查找，例如 Shanghai；店铺的一天从当地午夜开始</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="249"/>
        <source>Phone &amp;region</source>
        <translation>电话区域(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="262"/>
        <source>Where numbers typed without a country code are from</source>
        <translation>不带国家代码的号码属于哪个国家/地区</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="282"/>
        <source>&amp;Logo</source>
        <translation>标志(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="315"/>
        <source>No logo</source>
        <translation>无标志</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="324"/>
        <source>Choos&amp;e…</source>
        <translation>选择(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="391"/>
        <source>&amp;Open folder</source>
        <translation>打开文件夹(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="327"/>
        <source>A PNG or JPEG image of at most 2 MB, printed on slips</source>
        <translation>PNG 或 JPEG 图片，最大 2 MB，打印在装箱单上</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="334"/>
        <source>Re&amp;move</source>
        <translation>移除(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="372"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="394"/>
        <source>Show the folder that holds the shop&apos;s file and its backups</source>
        <translation>打开存放店铺文件及其备份的文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="408"/>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="414"/>
        <source>How orders and packing work at every station of the shop.</source>
        <translation>店里每个工位上订单和打包的处理方式。</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="429"/>
        <source>Allow &amp;backorders: confirm orders that the stock does not cover</source>
        <translation>允许缺货下单(&amp;B)：库存不够也能确认订单</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="432"/>
        <source>On: confirming an order reserves what is on the shelf and marks the rest of each line as backordered. Off: an order the stock does not cover cannot be confirmed.</source>
        <translation>开启：确认订单时预留货架上已有的数量，每行不足的部分记为缺货待补。关闭：库存不够的订单无法确认。</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="452"/>
        <source>&amp;Duplicate check</source>
        <translation>重复订单检查(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="476"/>
        <source>e.g. 30</source>
        <translation>例如 30</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="482"/>
        <source>A new order for the same customer with the same items as one placed within this many minutes asks first whether it is a duplicate. 0 turns the check off.</source>
        <translation>同一客户在这么多分钟内下了商品相同的新订单时，会先询问是否重复。设为 0 即关闭检查。</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="489"/>
        <source>minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="518"/>
        <source>Type &amp;quantities from</source>
        <translation>输入数量(&amp;Q)：每行不少于</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="542"/>
        <source>e.g. 10</source>
        <translation>例如 10</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="548"/>
        <source>When packing, a line of at least this many units may have its quantity typed after one unit is scanned, instead of scanning every unit. 0 turns this off: every unit is scanned.</source>
        <translation>打包时，件数不少于此数的商品行，扫描一件后可直接输入数量，而不必逐件扫描。设为 0 即关闭：每件都要扫描。</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="555"/>
        <source>units on a line</source>
        <translation>件时</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="586"/>
        <source>Slip paper, prices on slips and the slip footer are set on the Reports screen.</source>
        <translation>装箱单纸张、装箱单上的价格和页脚在“报表”页面设置。</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="634"/>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="644"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <location filename="../../orderapp/gui/settings_screen.py" line="251"/>
        <source>The rules could not be read: {reason}</source>
        <translation>无法读取规则：{reason}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_screen.py" line="257"/>
        <source>The settings could not be read: {reason}</source>
        <translation>无法读取设置：{reason}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_screen.py" line="334"/>
        <source>Choose the shop&apos;s logo</source>
        <translation>选择店铺标志</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_screen.py" line="334"/>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>图片 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_screen.py" line="345"/>
        <source>{file} cannot be read: {reason}</source>
        <translation>无法读取 {file}：{reason}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_screen.py" line="363"/>
        <source>No logo</source>
        <translation>无标志</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_screen.py" line="363"/>
        <source>Cannot show this image</source>
        <translation>无法显示此图片</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_screen.py" line="394"/>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_screen.py" line="410"/>
        <source>The settings were not saved: {reason}. Your changes are still here; try again.</source>
        <translation>设置未保存：{reason}。你的修改仍在这里；请重试。</translation>
    </message>
</context>
<context>
    <name>StockHistory</name>
    <message>
        <location filename="../../orderapp/gui/stock_history.py" line="28"/>
        <source>Received</source>
        <translation>已入库</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_history.py" line="29"/>
        <source>Sold</source>
        <translation>已售出</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_history.py" line="30"/>
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_history.py" line="31"/>
        <source>Reserved</source>
        <translation>预留</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_history.py" line="32"/>
        <source>Released</source>
        <translation>已释放</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_history.py" line="33"/>
        <source>Adjusted</source>
        <translation>已调整</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_history.py" line="34"/>
        <source>Counted</source>
        <translation>盘点</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_history.py" line="35"/>
        <source>Returned</source>
        <translation>已退货</translation>
    </message>
</context>
<context>
    <name>_CameraWorker</name>
    <message>
        <location filename="../../orderapp/gui/camera_worker.py" line="90"/>
        <source>The camera stopped because of an unexpected error (see the log).</source>
        <translation>摄像头因意外错误而停止（见日志）。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/camera_worker.py" line="132"/>
        <source>The camera stopped sending pictures. Check its cable: scanning starts again by itself when it is back. Meanwhile a USB scanner or typing the code works.</source>
        <translation>摄像头不再传来画面。请检查连接线：恢复后会自动继续扫描。在此期间可以用 USB 扫码枪或手动输入代码。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/camera_worker.py" line="137"/>
        <source>The video has ended.</source>
        <translation>视频已结束。</translation>
    </message>
</context>
<context>
    <name>open_shop</name>
    <message>
        <location filename="../../orderapp/gui/database_dialog.py" line="258"/>
        <source>The shop&apos;s database could not be opened ({reason}). The details are in the log file.</source>
        <translation>无法打开店铺数据库（{reason}）。详细信息在日志文件中。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/database_dialog.py" line="278"/>
        <source>OrderApp – restore failed</source>
        <translation>OrderApp – 恢复失败</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/database_dialog.py" line="284"/>
        <source>Restored the backup from {taken}; the replaced file was kept as {kept}.</source>
        <translation>已恢复 {taken} 的备份；被替换的文件已保留为 {kept}。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/database_dialog.py" line="279"/>
        <source>The backup could not be put in place: {reason}</source>
        <translation>无法放置备份：{reason}</translation>
    </message>
</context>
<context>
    <name>run_app</name>
    <message>
        <location filename="../../orderapp/gui/app.py" line="115"/>
        <source>Making the demo shop…</source>
        <translation>正在创建演示店铺…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/app.py" line="117"/>
        <location filename="../../orderapp/gui/app.py" line="158"/>
        <source>OrderApp demo</source>
        <translation>OrderApp 演示</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/app.py" line="126"/>
        <source>Making the demo shop: {phase}…</source>
        <translation>正在创建演示店铺：{phase}…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/app.py" line="159"/>
        <source>The demo shop could not be made: {reason}. It opens empty instead.</source>
        <translation>无法创建演示店铺：{reason}。将以空店铺打开。</translation>
    </message>
</context>
</TS>
